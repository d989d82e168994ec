import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBlockNodes, foreignLanguageOf, isInsideExcluded, locateOffset, walkBlocks } from '../../src/page/collect-blocks';

function blockTexts(root: Node = document.body): string[] {
  return [...walkBlocks(root)].map((b) => b.text.trim());
}

describe('walkBlocks', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('joins text across inline elements into one block', () => {
    document.body.innerHTML = '<p>A <b>heliotrope</b> <a href="#">rash</a> on the eyelids.</p>';
    expect(blockTexts()).toEqual(['A heliotrope rash on the eyelids.']);
  });

  it('starts a new block at every block element', () => {
    document.body.innerHTML = '<div>before<p>inside</p>after</div><ul><li>one</li><li>two</li></ul>';
    expect(blockTexts()).toEqual(['before', 'inside', 'after', 'one', 'two']);
  });

  it('ends a block at a line break', () => {
    document.body.innerHTML = '<p>heliotrope<br>rash</p>';
    expect(blockTexts()).toEqual(['heliotrope', 'rash']);
  });

  it.each([
    ['scripts and styles', '<script>var lupus = 1</script><style>.lupus{}</style>'],
    ['form fields', '<textarea>lupus</textarea><select><option>lupus</option></select><button>lupus</button>'],
    ['editable regions and everything inside them', '<div contenteditable="true"><p>lupus <b>flare</b></p></div>'],
    ['code', '<pre>lupus</pre><code>lupus</code><kbd>lupus</kbd><samp>lupus</samp>'],
    ['hidden content', '<p hidden>lupus</p><p aria-hidden="true">lupus</p>'],
    ['content marked not to translate', '<p translate="no">lupus</p>'],
    ['blocks marked as written in another language', '<blockquote lang="fr"><p>Un goût amer.</p></blockquote><p lang="es-MX">Cáncer</p>'],
    ['SVG and MathML', '<svg><text>lupus</text></svg><math><mi>lupus</mi></math>'],
    ['our own popover', '<medgloss-popover>lupus</medgloss-popover>'],
  ])('skips %s', (_what, html) => {
    document.body.innerHTML = `${html}<p>visible</p>`;
    expect(blockTexts()).toEqual(['visible']);
  });

  it('walks open shadow roots', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside the <i>shadow</i></p>';
    expect(blockTexts()).toEqual(['inside the shadow']);
  });

  it('skips a whole document in design mode', () => {
    document.body.innerHTML = '<p>lupus</p>';
    document.designMode = 'on';
    try {
      expect(blockTexts()).toEqual([]);
    } finally {
      document.designMode = 'off';
    }
  });

  it('reports open shadow roots, and custom elements not defined yet, to be watched', () => {
    // (Whether a defined element is left out is checked in Chromium: happy-dom's :defined differs.)
    document.body.innerHTML = '<x-later><p>light text</p></x-later><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>shadow text</p>';
    const shadowRoots: ShadowRoot[] = [];
    const undefinedElements: string[] = [];
    const texts = [...walkBlocks(document.body, { shadowRoot: (r) => shadowRoots.push(r), undefinedElement: (e) => undefinedElements.push(e.localName) })].map(
      (b) => b.text,
    );
    expect(texts).toEqual(['light text', 'shadow text']);
    expect(shadowRoots).toEqual([shadow]);
    expect(undefinedElements).toEqual(['x-later']);
  });

  it('maps text offsets back to nodes, choosing the node a range ends in', () => {
    document.body.innerHTML = '<p><b>helio</b>trope rash</p>';
    const [block] = [...walkBlocks(document.body)];
    const nodes = findBlockNodes(block!.first, block!.container);
    const start = locateOffset(nodes, 5, false);
    const end = locateOffset(nodes, 5, true);
    expect(start.node.data).toBe('trope rash');
    expect(start.offset).toBe(0);
    expect(end.node.data).toBe('helio');
    expect(end.offset).toBe(5);
  });
});

describe('findBlockNodes', () => {
  const pages = {
    'inline markup and blank text': '<p>A <b>helio</b><i>trope</i> <a href="#"><span>rash</span></a> here.</p><p> <b>lupus</b> </p>',
    'blocks inside a container with text of its own': '<div>before <b>x</b><p>inside <i>it</i></p>after <em>y</em><ul><li>one</li></ul>end</div>',
    'excluded elements inside a block': '<p>lupus <button>no</button> flare <code>x</code> rash<script>1</script> end</p><p>next</p>',
    'line breaks and nested inline': '<p><span>one<br>two <b><i>three</i></b></span><br>four</p>',
    'a shadow root': '<div id="host">light text</div>',
  };

  it.each(Object.entries(pages))("finds the same text nodes again from a block's first one: %s", (name, html) => {
    document.body.innerHTML = html;
    if (name === 'a shadow root') document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = 'top <b>level</b><p>para <i>graph</i></p> tail';
    const blocks = [...walkBlocks(document.body)];
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) {
      const found = findBlockNodes(block.first, block.container);
      expect(found.nodes.map((n) => n.data).join('')).toBe(block.text);
      expect(found.length).toBe(block.text.length);
      if (block.first) expect(found.nodes[0]).toBe(block.first);
      else expect(found.nodes).toEqual(textNodesIn(block.container));
    }
  });

  it('reads a block that is all of its container in one piece, and finds its nodes from the container', () => {
    document.body.innerHTML = '<div><p> <b>helio</b>trope <a href="#">rash</a></p>tail<br>end</div>';
    const [paragraph, tail, end] = [...walkBlocks(document.body)];
    expect(paragraph).toEqual({ container: document.querySelector('p'), first: null, text: ' heliotrope rash' });
    expect(findBlockNodes(null, paragraph!.container).nodes.map((n) => n.data)).toEqual([' ', 'helio', 'trope ', 'rash']);
    expect(tail!.first?.data).toBe('tail');
    expect(end!.first?.data).toBe('end');
    // Walked on its own (a paragraph a page adds), the same block.
    expect([...walkBlocks(paragraph!.container)]).toEqual([paragraph]);
  });
});

function textNodesIn(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

describe('isInsideExcluded', () => {
  it('looks up through ancestors', () => {
    document.body.innerHTML = '<div contenteditable><p><span id="x">text</span></p></div><p id="y">text</p>';
    expect(isInsideExcluded(document.getElementById('x')!.firstChild!)).toBe(true);
    expect(isInsideExcluded(document.getElementById('y')!.firstChild!)).toBe(false);
  });

  it('leaves a whole page alone when it is marked as written in another language', () => {
    document.body.innerHTML = '<p>La goutte et le cancer.</p>';
    try {
      document.documentElement.lang = 'fr';
      expect(isInsideExcluded(document.body)).toBe(true);
      expect(foreignLanguageOf(document)).toBe('fr');
      document.documentElement.lang = 'EN-gb';
      expect(isInsideExcluded(document.body)).toBe(false);
      expect(foreignLanguageOf(document)).toBeUndefined();
      document.body.lang = 'es-MX';
      expect(isInsideExcluded(document.body)).toBe(true);
      expect(foreignLanguageOf(document)).toBe('es-MX');
    } finally {
      document.documentElement.removeAttribute('lang');
      document.body.removeAttribute('lang');
    }
  });
});

describe('walkBlocks and the language a page marks', () => {
  it('reads English blocks, blocks of unmarked language and foreign phrases inside an English sentence', () => {
    document.body.innerHTML = [
      '<div lang="fr"><p lang="en-GB">Gout in the big toe.</p></div>',
      '<p lang="">Heliotrope rash</p>',
      '<p>A carcinoma <i lang="la">in situ</i> has not spread.</p>',
      '<p lang="de">Gicht</p>',
      '<p lang="ru">Метотрексат (methotrexate)</p>',
    ].join('');
    // A block marked English inside a foreign one is left alone with it: the rule is the outer
    // block's. In a language written in other letters, a Latin word is an English term.
    expect(blockTexts()).toEqual(['Heliotrope rash', 'A carcinoma in situ has not spread.', 'Метотрексат (methotrexate)']);
  });
});

describe('walkBlocks on a plain-text file the browser shows as one <pre>', () => {
  beforeEach(() => {
    // happy-dom's documents are all HTML; the browser says "text/plain" for a .txt it shows.
    Object.defineProperty(document, 'contentType', { value: 'text/plain', configurable: true });
  });
  afterEach(() => {
    delete (document as { contentType?: string }).contentType;
  });

  it('reads a short file as one block whose lines are paragraphs', () => {
    document.body.innerHTML = '<pre>Lupus\nA heliotrope rash.</pre>';
    expect([...walkBlocks(document.body)]).toEqual([
      { container: document.querySelector('pre'), first: null, text: 'Lupus\nA heliotrope rash.', linesAreParagraphs: true },
    ]);
  });

  /** The pieces a long file shown as one <pre> is read in: several, adding up to the whole text. */
  const piecesOf = (text: string) => {
    const pre = document.createElement('pre');
    pre.textContent = text;
    document.body.replaceChildren(pre);
    const pieces = [...walkBlocks(document.body)];
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    return { pre, pieces };
  };

  it('cuts a long file into pieces of whole lines that add up to the whole text', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `Line ${i}: a heliotrope rash and Gottron’s papules.`).join('\n');
    const { pre, pieces } = piecesOf(text);
    let offset = 0;
    for (const piece of pieces) {
      expect(piece).toMatchObject({ container: pre, first: null, linesAreParagraphs: true, piece: { offset, of: text.length } });
      expect(piece.text.startsWith('Line ')).toBe(true);
      offset += piece.text.length;
    }
  });

  it('ends the pieces of a long hard-wrapped file between paragraphs, so none is cut in two', () => {
    const paragraph = ['The rash on the eyelids is called a heliotrope rash. Bumps on the', 'knuckles are called Gottron’s papules.', ''].join('\n');
    const { pieces } = piecesOf(Array.from({ length: 600 }, () => paragraph).join('\n'));
    for (const piece of pieces.slice(0, -1)) expect(piece.text.endsWith('papules.\n\n')).toBe(true);
  });
});

describe('walkBlocks on an HTML page', () => {
  it('still leaves a <pre> alone as code', () => {
    document.body.innerHTML = '<pre>lupus</pre><p>visible</p>';
    expect(document.contentType).toBe('text/html');
    expect([...walkBlocks(document.body)].map((b) => b.text)).toEqual(['visible']);
  });
});
