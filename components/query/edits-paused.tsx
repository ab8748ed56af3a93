/**
 * Said instead of Edit and Delete while a record on screen is a saved copy
 * (the CRM is down or the month's quota is spent): a change could not be
 * saved now, so none is offered (ADR-018).
 */
export function EditsPaused({ what }: { what: string }) {
  return (
    <p className="max-w-xs text-sm text-amber-900" data-testid="edits-paused">
      Editing {what} is paused: the CRM is not taking changes right now. Reload once it is back.
    </p>
  );
}
