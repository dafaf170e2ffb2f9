/**
 * Words that carry no topic: question scaffolding and function words. They are not indexed as stems and do not
 * count when measuring how much of a question a passage covers.
 */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but
  by can could did do does doing down during each few for from further had has have having he her here hers him his how
  i if in into is it its itself just me more most my no nor not now of off on once only or other our out over own same
  she should so some such than that the their them then there these they this those through to too under until up very
  was we were what when where which while who whom why will with would you your yours tell please show give list explain
  describe know say said get got much many kind sort also there s t among within per via new called whose
  does done make made take taken use used go going want need like one ones thing things behind beside besides toward
  towards across along around inside outside upon onto beyond despite except near since throughout unlike versus without`
    .split(/\s+/)
    .filter(Boolean),
);

/** Korean question words and fillers, compared against particle-stripped stems. */
export const KOREAN_STOPWORDS: ReadonlySet<string> = new Set(
  `무엇 무엇인가 무엇인지 뭐 뭘 뭔가 뭐야 뭐지 뭐가 뭐예요 어떤 어떻게 어떠한 어느 어디 어디서 어디에 언제 누구 누가 누군가 얼마
  얼마나 얼마인가 몇 왜 알려줘 알려주세요 알려 주세요 말해줘 설명해줘 설명 궁금 궁금해 궁금합니다 인가 인가요 인지 인가요
  있나 있나요 있어 있어요 있는지 있을까 하나 하나요 했어 했나 했나요 나요 는가 였나 였어 이야 이에요 예요 입니까 습니까
  그 이 저 그것 이것 저것 거기 여기 그거 이거 그건 이건 그럼 그러면 그리고 그런데 그래서 또 또는 및 등 이번 해당 관련 대한 대해 대해서 위한 통해 통한 같은 경우 때 것 수 더
  개 좀 제일 가장 정말 혹시 요즘 무슨 어때 어땠어 하는 해줘 해주세요 줘 주세요 있는 없는 되는 이런 저런 그런 곳 뭐야`
    .split(/\s+/)
    .filter(Boolean),
);
