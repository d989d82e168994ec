declare module 'virtual:medgloss-glossary' {
  const glossary: import('./compile-glossary').ShippedGlossary;
  export default glossary;
}
