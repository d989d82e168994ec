declare module 'virtual:medgloss-glossary' {
  const glossary: import('./compile-glossary').ShippedGlossary;
  export default glossary;
}

declare module 'virtual:medgloss-page-glossary' {
  const glossary: import('./page-glossary').ShippedPageGlossary;
  export default glossary;
}

declare module 'virtual:medgloss-matcher' {
  const matcher: import('../matching/compile-matcher').ShippedMatcher;
  export default matcher;
}
