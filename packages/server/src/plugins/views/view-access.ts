// Who may see and change saved views. The one place to change when permission sets (issue 6) arrive:
// `canDesignForm` then asks the form's permission set instead of "admin or the form's creator".
import type { SavedView } from "@formwork/db";
import type { Principal } from "../auth/principal";

export interface FormOwnership {
  createdBy: string | null;
}

/** Form designers: for now administrators and whoever created the form. */
export function canDesignForm(principal: Principal, form: FormOwnership): boolean {
  return principal.isAdmin || (form.createdBy !== null && form.createdBy === principal.userId);
}

/**
 * A personal view is its owner's alone; a shared one is seen by everyone who may read the form's
 * records (today every signed-in user, as in record-access.ts).
 */
export function canSeeView(principal: Principal, view: SavedView): boolean {
  return view.shared || view.owner_id === principal.userId;
}

/** Personal views are changed by their owner, shared ones by the form's designers. */
export function canChangeView(principal: Principal, view: SavedView, form: FormOwnership): boolean {
  return view.shared ? canDesignForm(principal, form) : view.owner_id === principal.userId;
}
