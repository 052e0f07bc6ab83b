import { concatBytes, utf8 } from '@dangan/core';
import { createZipWriter } from '@dangan/packaging';

/** What the demo's approval decision says. */
export interface OfdDocument {
  readonly title: string;
  readonly author: string;
  /** Paragraphs of text, one per line on the page. */
  readonly lines: readonly string[];
  /** Creation date, `YYYY-MM-DD`. */
  readonly created: string;
  /** A stable id for the document (OFD DocID). */
  readonly id: string;
}

const NS = 'http://www.ofdspec.org/2016';

/**
 * A minimal valid OFD (GB/T 33190-2016): a ZIP with the entry point `OFD.xml`, one document `Doc_0` with its
 * `Document.xml`, public resources (one font) and one A4 page of text. Made at run time with dangan's own
 * ZIP writer. It is not signed (no `Signs/`).
 */
export async function makeOfd(doc: OfdDocument): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const zip = createZipWriter({ write: (c) => void parts.push(c.slice()) }, { method: 'deflate' });
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  await zip.addEntry(
    'OFD.xml',
    utf8(`<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD">
  <ofd:DocBody>
    <ofd:DocInfo>
      <ofd:DocID>${esc(doc.id)}</ofd:DocID>
      <ofd:Title>${esc(doc.title)}</ofd:Title>
      <ofd:Author>${esc(doc.author)}</ofd:Author>
      <ofd:CreationDate>${esc(doc.created)}</ofd:CreationDate>
      <ofd:Creator>dangan demo</ofd:Creator>
    </ofd:DocInfo>
    <ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>
  </ofd:DocBody>
</ofd:OFD>
`),
  );
  await zip.addEntry(
    'Doc_0/Document.xml',
    utf8(`<?xml version="1.0" encoding="UTF-8"?>
<ofd:Document xmlns:ofd="${NS}">
  <ofd:CommonData>
    <ofd:MaxUnitID>${3 + doc.lines.length}</ofd:MaxUnitID>
    <ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>
    <ofd:PublicRes>PublicRes.xml</ofd:PublicRes>
  </ofd:CommonData>
  <ofd:Pages>
    <ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>
  </ofd:Pages>
</ofd:Document>
`),
  );
  await zip.addEntry(
    'Doc_0/PublicRes.xml',
    utf8(`<?xml version="1.0" encoding="UTF-8"?>
<ofd:Res xmlns:ofd="${NS}" BaseLoc="Res">
  <ofd:Fonts>
    <ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/>
  </ofd:Fonts>
</ofd:Res>
`),
  );
  const texts = doc.lines
    .map(
      (line, i) =>
        `      <ofd:TextObject ID="${3 + i}" Boundary="20 ${30 + i * 10} 170 8" Font="2" Size="4.2"><ofd:TextCode X="0" Y="6">${esc(line)}</ofd:TextCode></ofd:TextObject>`,
    )
    .join('\n');
  await zip.addEntry(
    'Doc_0/Pages/Page_0/Content.xml',
    utf8(`<?xml version="1.0" encoding="UTF-8"?>
<ofd:Page xmlns:ofd="${NS}">
  <ofd:Content>
    <ofd:Layer ID="${3 + doc.lines.length}">
${texts}
    </ofd:Layer>
  </ofd:Content>
</ofd:Page>
`),
  );
  await zip.close();
  return concatBytes(parts);
}
