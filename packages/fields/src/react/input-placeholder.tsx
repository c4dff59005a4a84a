/** What stands in for an input whose code is still loading: an empty box of the same height. */
export function InputPlaceholder() {
  return (
    <div
      aria-busy="true"
      style={{
        height: 32,
        borderRadius: 6,
        background: "var(--ant-color-fill-quaternary, rgba(0, 0, 0, 0.02))",
        border: "1px solid var(--ant-color-border-secondary, #f0f0f0)",
      }}
    />
  );
}
