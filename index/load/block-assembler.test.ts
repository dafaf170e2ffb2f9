import { describe, expect, it } from 'vitest';
import { BlockAssembler } from './block-assembler.ts';

function paragraph(assembler: BlockAssembler, text: string): void {
  assembler.openParagraph();
  assembler.append(text);
  assembler.closeParagraph();
}

describe('BlockAssembler', () => {
  it('reads a table row by row, a row with one cell of text as its paragraphs, and what is anchored after its paragraph', () => {
    const assembler = new BlockAssembler();
    assembler.openParagraph();
    assembler.append('표 앞 문단');
    assembler.anchor('각주 내용');
    assembler.openTable();
    for (const row of [['이름', '국어'], ['개똥이', '89']]) {
      assembler.openRow();
      for (const cell of row) {
        assembler.openCell();
        paragraph(assembler, cell);
        assembler.closeCell();
      }
    }
    assembler.openRow();
    assembler.openCell();
    paragraph(assembler, '첫째 항목');
    paragraph(assembler, '둘째 항목');
    assembler.closeCell();
    assembler.closeTable();
    assembler.closeParagraph();
    expect(assembler.blocks().map((block) => block.text)).toEqual(['표 앞 문단', '각주 내용', '이름 | 국어', '개똥이 | 89', '첫째 항목', '둘째 항목']);
  });

  it('closes what a cut file leaves open', () => {
    const assembler = new BlockAssembler();
    assembler.openTable();
    assembler.openCell();
    assembler.openParagraph();
    assembler.append('끝나지 않은 칸');
    expect(assembler.blocks().map((block) => block.text)).toEqual(['끝나지 않은 칸']);
  });
});
