/**
 * Styles of the printable report: A4 pages, system fonts with CJK fallbacks (no web font, the
 * file stays self-contained), sections that do not split across pages, and colours that survive
 * greyscale printing.
 */
export const REPORT_CSS = `
@page { size: A4; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 182mm; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 4mm 0 1mm; }
h2 { font-size: 12.5pt; margin: 0 0 2mm; border-bottom: 1.5px solid #08519c; padding-bottom: 1mm; }
.en { display: block; font-size: 0.72em; font-weight: normal; color: #555; }
h1 .en { display: inline; margin-left: 2mm; }
.meta, .note, .legend { color: #555; font-size: 8.5pt; margin: 1mm 0 2mm; }
section { margin: 0 0 6mm; break-inside: avoid; page-break-inside: avoid; }
section.page { break-before: page; page-break-before: always; }
.synthetic { border: 3px solid #b30000; background: #fff0f0; color: #b30000; padding: 2mm 4mm; margin: 0 0 3mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.synthetic strong { font-size: 14pt; letter-spacing: 0.05em; }
.synthetic p { margin: 1mm 0 0; font-size: 8.5pt; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2.5mm; }
.card { border: 1px solid #c6dbef; border-radius: 2mm; padding: 2mm 3mm; }
.cl { font-size: 8.5pt; color: #333; }
.cl .en { font-size: 7.5pt; }
.cv { font-size: 17pt; font-weight: 600; color: #08519c; }
.cs, .cc { font-size: 8pt; color: #555; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { padding: 1mm 2mm; border-bottom: 1px solid #ddd; text-align: left; vertical-align: bottom; }
th .en { font-size: 7pt; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
svg { max-width: 100%; height: auto; display: block; }
svg text { font-size: 11px; fill: #1a1a1a; }
svg .bar { fill: #3182bd; }
svg .bar-prev { fill: #bdbdbd; }
svg .axis { stroke: #ccc; }
svg .median { stroke: #b30000; stroke-width: 2; }
svg.map path.rg { stroke: #fff; stroke-width: 0.6; }
svg.map path.hl { stroke: #b30000; stroke-width: 2; }
.sup { color: #777; font-style: italic; font-weight: normal; font-size: 0.85em; }
.sw { display: inline-block; width: 5mm; height: 3mm; margin: 0 1mm 0 3mm; border: 1px solid #ccc; vertical-align: middle; }
footer { border-top: 1px solid #ccc; color: #666; font-size: 8pt; padding-top: 2mm; }
@media print { body { padding: 0; } .synthetic, .card, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;
