namespace LoadLab.Reports.Html;

/// <summary>The report's only stylesheet, inlined so report.html is one file that opens anywhere, offline.</summary>
internal static class HtmlStyles
{
    public const string Css = """
        :root { --fg: #1d2329; --muted: #5b6670; --line: #d9dee3; --zebra: #f6f8fa; --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--fg); background: #fff; }
        main { max-width: 1320px; margin: 0 auto; padding: 24px 32px 48px; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
        h3 { font-size: 16px; margin: 20px 0 8px; }
        p, li { max-width: 80ch; }
        .muted, figcaption, .note { color: var(--muted); }
        .simulated { border-left: 4px solid var(--warn); padding: 6px 12px; background: #fff8e6; }
        .verdict { display: inline-block; font-weight: 600; padding: 4px 12px; border-radius: 999px; color: #fff; margin: 8px 0; }
        .verdict.pass { background: var(--pass); } .verdict.fail { background: var(--fail); } .verdict.warn { background: var(--warn); }
        nav ul { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
        nav a { color: #0969da; text-decoration: none; } nav a:hover { text-decoration: underline; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13.5px; font-variant-numeric: tabular-nums; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { background: var(--zebra); font-weight: 600; vertical-align: bottom; }
        tbody tr:nth-child(even) td { background: #fbfcfd; }
        .num { text-align: right; }
        td.num { white-space: nowrap; }
        td.pass { color: var(--pass); font-weight: 600; } td.fail { color: var(--fail); font-weight: 600; }
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
        .table-scroll { overflow-x: auto; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0 16px; font-size: 14px; }
        dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        td:first-child { white-space: nowrap; }
        /* One chart per row: at half width the charts' text shrinks below reading size. */
        .charts { display: grid; grid-template-columns: minmax(0, 1100px); gap: 18px; }
        figure { margin: 0; padding: 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
        figure svg { display: block; width: 100%; height: auto; }
        figcaption { font-size: 13px; padding: 6px 4px 0; }
        footer { margin-top: 40px; font-size: 13px; color: var(--muted); }
        .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 10px; margin: 14px 0 8px; }
        .tile { border: 1px solid var(--line); border-top: 4px solid var(--pass); border-radius: 6px; padding: 8px 12px; background: #fff; }
        .tile.bad { border-top-color: var(--fail); }
        .tile .label { color: var(--muted); font-size: 12.5px; text-transform: uppercase; letter-spacing: .03em; }
        .tile .value { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .tile .value.long { font-size: 18px; }
        .tile .detail { color: var(--muted); font-size: 12.5px; }
        p.finding { font-size: 16px; max-width: 110ch; margin: 8px 0 4px; }
        td.sub { color: var(--muted); font-size: 12.5px; }
        /* Heat views are grids of cells: scaled smoothly, neighbouring seconds would blur into each other. */
        figure svg { image-rendering: pixelated; }
        td a { color: #0969da; text-decoration: none; } td a:hover { text-decoration: underline; }
        @media print { figure { break-inside: avoid; } }
        """;
}
