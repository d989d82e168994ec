/**
 * The popover's stylesheet, inside its shadow root. Sizes are in px so the page's root font size
 * (`html { font-size: 10px }`) cannot shrink or blow up the text; `all: initial` on the host
 * keeps inherited page styles out.
 */
export const POPOVER_CSS = `
:host { all: initial; direction: ltr; }
.popover {
  box-sizing: border-box; max-width: 360px; min-width: 220px; padding: 12px 14px;
  font: 400 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1b1f24; background: #ffffff; border: 1px solid #c3cad3; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18); text-align: start;
}
header { display: flex; align-items: flex-start; gap: 8px; }
h2 { flex: 1; margin: 0; font-size: 17px; font-weight: 650; line-height: 1.3; }
.close {
  all: unset; cursor: pointer; font-size: 20px; line-height: 20px; width: 24px; height: 24px;
  text-align: center; border-radius: 4px; color: #4a5361;
}
.close:hover { background: #eef1f4; }
.close:focus-visible { outline: 2px solid #1559c1; outline-offset: 2px; }
.meta { margin: 2px 0 8px; font-size: 13px; color: #4a5361; }
.short { margin: 0 0 8px; }
.also { margin: 0 0 8px; font-size: 13px; color: #4a5361; }
.link { all: unset; cursor: pointer; font-size: 14px; color: #1559c1; text-decoration: underline; }
.small { all: unset; cursor: pointer; font-size: 13px; padding: 2px 8px; margin-inline-start: 8px; border: 1px solid #c3cad3; border-radius: 4px; color: #1b1f24; }
.small:hover { background: #eef1f4; }
footer { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.link:focus-visible, .small:focus-visible { outline: 2px solid #1559c1; outline-offset: 2px; }
.popover:focus { outline: 2px solid #1559c1; outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  .popover { color: #e8ebef; background: #1f2329; border-color: #4a5361; }
  .meta, .also, .close { color: #b8c0cc; }
  .close:hover { background: #2d333b; }
  .link { color: #8ab4f8; }
  .small { color: #e8ebef; border-color: #4a5361; }
  .small:hover { background: #2d333b; }
}
@media (forced-colors: active) {
  .popover { border: 1px solid CanvasText; }
}
/* An open popover is not printed: the page prints as it would without MedGloss. */
@media print {
  * { display: none !important; }
}
`;
