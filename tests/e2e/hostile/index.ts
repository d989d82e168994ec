import type { HostileFixture } from './common';
import { CSP_FIXTURES } from './csp';
import { EDITING_FIXTURES } from './editing';
import { EXCLUDED_FIXTURES } from './excluded';
import { FRAME_FIXTURES } from './frames';
import { FULLSCREEN_FIXTURES } from './fullscreen';
import { SCALE_FIXTURES } from './scale';
import { SCRIPT_FIXTURES } from './scripts';
import { SHADOW_FIXTURES } from './shadow';
import { STRUCTURE_FIXTURES } from './structure';
import { STYLING_FIXTURES } from './styling';
import { TEXT_FIXTURES } from './text';

export type { HostileFixture } from './common';

/** Every hostile fixture page, in the order the suite runs them. */
export const HOSTILE_FIXTURES: HostileFixture[] = [
  ...STRUCTURE_FIXTURES,
  ...EDITING_FIXTURES,
  ...EXCLUDED_FIXTURES,
  ...SHADOW_FIXTURES,
  ...FRAME_FIXTURES,
  ...SCALE_FIXTURES,
  ...CSP_FIXTURES,
  ...STYLING_FIXTURES,
  ...SCRIPT_FIXTURES,
  ...TEXT_FIXTURES,
  ...FULLSCREEN_FIXTURES,
];
