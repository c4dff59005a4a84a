import type { Locale } from "@formwork/schema";

const TEXTS = {
  submit: ["提交", "Submit"],
  save: ["保存", "Save"],
  submitting: ["提交中…", "Submitting…"],
  fixErrors: ["请修正标出的问题后再提交", "Please fix the marked problems and submit again"],
  failed: ["提交失败，请稍后重试", "Submitting failed; please try again"],
  submitted: ["提交成功", "Submitted"],
  submitAnother: ["再填一份", "Submit another"],
  serial: ["编号", "Number"],
  draftSaved: ["草稿已自动保存在本机", "Draft saved on this device"],
  discardDraft: ["清空", "Clear form"],
} as const satisfies Record<string, readonly [string, string]>;

export type TextKey = keyof typeof TEXTS;

/** The renderer's own few words, in the form's UI language (it is used outside the app's i18next too). */
export function text(locale: Locale, key: TextKey): string {
  return TEXTS[key][locale === "en" ? 1 : 0];
}
