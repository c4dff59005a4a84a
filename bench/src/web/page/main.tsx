// The page the web bench drives: mounts the real renderer, the real designer and a plain React form
// of the same 200 inputs into a fixed-width stage, times them in the page (performance.now around a
// synchronous render, until every input is in the DOM and laid out) and exposes the timings on window.
import "@formwork/web/src/i18n/i18n";
import { loadFeatureTexts } from "@formwork/web/src/i18n/lazy-texts";
import "@formwork/web/src/theme/global.css";
import type { AppWithForms, Form } from "@formwork/client";
import { createFieldServices, FormRenderer } from "@formwork/renderer";
import { api } from "@formwork/web/src/api/client";
import { queryKeys } from "@formwork/web/src/api/query-keys";
import Designer from "@formwork/web/src/designer/Designer";
import { ThemeProvider } from "@formwork/web/src/theme/ThemeProvider";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import { MemoryRouter } from "react-router";
import type { BenchApi, BenchGlobal, BenchKind } from "../bench-api";
import { FIELD_COUNT, FORM_200 } from "./form-200";
import { PlainForm } from "./PlainForm";

const APP_ID = "00000000-0000-7000-8000-000000000001";
const FORM_ID = "00000000-0000-7000-8000-000000000002";
const NOW = "2026-11-27T00:00:00.000Z";

/** Everything the designer would fetch, already in the cache: the bench measures rendering, not the network. */
function seededClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } },
  });
  const summary = {
    id: FORM_ID,
    appId: APP_ID,
    key: FORM_200.key,
    name: FORM_200.name,
    publishedVersion: 0,
    updatedAt: NOW,
  };
  const form: Form = { ...summary, revision: 1, createdAt: NOW, createdBy: null, definition: FORM_200 };
  const app: AppWithForms = {
    id: APP_ID,
    name: "Bench",
    description: null,
    icon: null,
    colour: null,
    createdBy: null,
    createdAt: NOW,
    updatedAt: NOW,
    forms: [summary],
    dashboards: [],
    menu: [{ type: "form", form: FORM_ID }],
    menuRevision: 0,
  };
  client.setQueryData(queryKeys.form(FORM_ID), form);
  client.setQueryData(queryKeys.app(APP_ID), app);
  client.setQueryData(queryKeys.session, {
    user: { id: "u", email: "bench@example.com", name: "Bench", isAdmin: true },
  });
  return client;
}

const services = createFieldServices({ client: api, formIds: new Map(), locale: () => "zh-CN" });

type Kind = BenchKind;

function element(kind: Kind): ReactNode {
  switch (kind) {
    case "plain":
      return <PlainForm />;
    case "renderer":
      return <FormRenderer form={FORM_200} mode="fill" locale="zh-CN" services={services} />;
    case "designer":
      return <Designer appId={APP_ID} formId={FORM_ID} />;
  }
}

const INPUTS =
  ".ant-input, .ant-input-number, .ant-select, .ant-picker, .ant-radio-group, .ant-checkbox-group";

function mounted(kind: Kind, stage: HTMLElement): boolean {
  if (kind === "designer")
    return stage.querySelectorAll("[data-testid^=canvas-field-]").length >= FIELD_COUNT;
  return stage.querySelectorAll(INPUTS).length >= FIELD_COUNT;
}

/** Yields to the event loop without the 4 ms clamp of setTimeout. */
function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

let root: Root | undefined;
let client = seededClient();
const stage = document.getElementById("stage")!;

function unmount() {
  root?.unmount();
  root = undefined;
  stage.replaceChildren();
}

/** Mounts one kind and returns the milliseconds until all 200 inputs are in the DOM and laid out. */
async function mount(kind: Kind): Promise<number> {
  unmount();
  client = seededClient();
  const host = document.createElement("div");
  stage.append(host);
  const tree = (
    <QueryClientProvider client={client}>
      <ThemeProvider>
        <MemoryRouter>{element(kind)}</MemoryRouter>
      </ThemeProvider>
    </QueryClientProvider>
  );
  const start = performance.now();
  root = createRoot(host);
  flushSync(() => root!.render(tree));
  for (let i = 0; !mounted(kind, stage); i++) {
    if (i > 20_000) throw new Error(`${kind} never showed its ${FIELD_COUNT} inputs`);
    await yieldTask();
  }
  void stage.offsetHeight;
  return performance.now() - start;
}

const valueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;

/**
 * Types `count` characters into an input, one input event each, and returns each keystroke's time from
 * the event to the re-rendered, laid-out DOM (React flushes an input event's update synchronously).
 */
async function keystrokes(input: HTMLInputElement, count: number): Promise<number[]> {
  lastInput = input;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    input.focus();
    valueSetter.call(input, `${input.value}a`);
    const start = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await Promise.resolve();
    void stage.offsetHeight;
    times.push(performance.now() - start);
    await yieldTask();
  }
  return times;
}

async function typeInRenderer(count: number): Promise<number[]> {
  await mount("renderer");
  const input = stage.querySelector<HTMLInputElement>("input.ant-input");
  if (!input) throw new Error("the renderer has no text input");
  return keystrokes(input, count);
}

async function typeInDesigner(count: number): Promise<number[]> {
  await mount("designer");
  stage.querySelector<HTMLElement>("[data-testid=select-field-f0]")?.click();
  let input: HTMLInputElement | null = null;
  for (let i = 0; !input && i < 20_000; i++) {
    await yieldTask();
    input = stage.ownerDocument.querySelector<HTMLInputElement>("#prop-label-zh-CN");
  }
  if (!input) throw new Error("the designer's label input never appeared");
  return keystrokes(input, count);
}

/** More keystrokes into the input the last typeIn… call used, without mounting again (profiling). */
let lastInput: HTMLInputElement | undefined;
async function typeAgain(count: number): Promise<number[]> {
  if (!lastInput) throw new Error("type into something first");
  return keystrokes(lastInput, count);
}

const benchApi: BenchApi = { mount, typeInRenderer, typeInDesigner, typeAgain, unmount };
(globalThis as unknown as BenchGlobal).bench = benchApi;
// The designer's route loads the texts the first page leaves out before it shows; so does the bench.
void Promise.all([loadFeatureTexts("designer"), loadFeatureTexts("flows")]).then(() => {
  document.body.dataset.ready = "true";
});
