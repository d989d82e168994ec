import { type HostileFixture, PARAGRAPH, PARAGRAPH_TERMS, documentHtml } from './common';

/** Content that is not prose or must not be touched: code, graphics, formulas, marked-up exclusions. */

export const codeSvgMath: HostileFixture = {
  name: 'code-svg-math',
  hostile: 'terms in code, pre, kbd, samp, var, SVG text, SVG foreignObject and MathML',
  html: documentHtml({
    title: 'Code, SVG, MathML',
    body: `${PARAGRAPH}
<p>Inline <code>methotrexate</code> code, <kbd>lupus</kbd> keys, <samp>azathioprine</samp> output and <var>dermatomyositis</var>.</p>
<pre>Dose: methotrexate 15 mg weekly for lupus</pre>
<pre><code>const drug = "azathioprine"; // heliotrope rash</code></pre>
<svg width="420" height="70" role="img"><text x="0" y="20">Methotrexate and lupus in SVG text</text><foreignObject x="0" y="28" width="420" height="40"><p xmlns="http://www.w3.org/1999/xhtml">Lupus inside a foreignObject</p></foreignObject></svg>
<math display="block"><mrow><mtext>dermatomyositis</mtext><mo>+</mo><mi>lupus</mi></mrow></math>
<p>After the formula: her rheumatologist agreed.</p>`,
  }),
  expect: [...PARAGRAPH_TERMS, 'rheumatologist'],
};

export const excludedAttributes: HostileFixture = {
  name: 'excluded-attributes',
  hostile: 'translate="no", aria-hidden="true", hidden, template, noscript and a quote marked French around terms',
  html: documentHtml({
    title: 'Excluded attributes',
    body: `${PARAGRAPH}
<p translate="no">Brand name: Methotrexate</p>
<div translate="no"><p>Lupus Foundation (do not translate)</p></div>
<p aria-hidden="true">Decorative: heliotrope rash</p>
<div aria-hidden="true"><div><p>Nested aria-hidden: dermatomyositis</p></div></div>
<p hidden>Hidden: azathioprine</p>
<template><p>Template: methotrexate</p></template>
<noscript><p>Noscript: lupus</p></noscript>
<p translate="yes">Translate yes: azathioprine.</p>
<p aria-hidden="false">aria-hidden false: creatine kinase.</p>
<blockquote lang="fr"><p>Le lupus touche la peau. Ce médicament a un goût amer.</p></blockquote>
<p>After the quote: <i lang="la">in vivo</i> gout.</p>`,
  }),
  expect: [...PARAGRAPH_TERMS, 'azathioprine', 'creatine kinase', 'gout'],
};

export const EXCLUDED_FIXTURES = [codeSvgMath, excludedAttributes];
