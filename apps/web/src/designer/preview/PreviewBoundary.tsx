import { Component, type ReactNode } from "react";

/**
 * Shows `fallback` when the live renderer throws: a draft may be half-configured (a linked form not
 * chosen yet) in ways a published form never is.
 */
export class PreviewBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
