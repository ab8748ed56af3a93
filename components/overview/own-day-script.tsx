/**
 * Shows, before the first paint, the one list set of the day at a glance that
 * is the browser's own day, when the server rendered one per possible day
 * because it did not know the viewer's zone (ADR-025). It runs as the HTML is
 * parsed, right after those lists, so the page is drawn once with the right
 * day and nothing moves when React takes over (DayAtAGlance then renders the
 * same choice). Inline, so it carries this response's CSP nonce.
 */
export function OwnDayScript({ nonce }: { nonce: string | undefined }) {
  const source = `(function(){var d=new Date(),p=function(n){return (n<10?"0":"")+n},day=d.getFullYear()+"-"+p(d.getMonth()+1)+"-"+p(d.getDate());var box=document.currentScript&&document.currentScript.previousElementSibling;var own=box&&box.querySelector('[data-agenda-day="'+day+'"]');if(own)own.hidden=false;})();`;
  // The browser hides a nonce from the DOM once parsed, so hydration sees an empty one: not a difference worth a warning.
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: source }} />;
}
