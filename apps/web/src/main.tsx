import { browserStorage } from "./i18n/i18n";
import "./theme/global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { Providers } from "./app/Providers";
import { router } from "./app/router";
import { switchLanguage } from "./i18n/language-pack";
import { storedLanguage } from "./i18n/languages";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// A visitor who chose English before gets it from the first paint, not after a flash of Chinese.
void switchLanguage(storedLanguage(browserStorage)).finally(() =>
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  ),
);
