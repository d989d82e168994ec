import glossary from 'virtual:medgloss-glossary';
import { render } from 'preact';
import { GlossaryPage } from '../../src/pages/glossary-page';
import '../../src/popup/popup.css';

render(<GlossaryPage glossary={glossary} location={location} />, document.getElementById('app')!);
