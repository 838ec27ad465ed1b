import "@utrecht/design-tokens/dist/font-family.js";
import "@utrecht/design-tokens/dist/index.css";
import "@utrecht/component-library-css";
import "./app/styles.css";
import "./app/i18n.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { z } from "zod";
import dutch from "zod/v4/locales/nl.js";
import { router } from "./app/router.tsx";

// The shared form schemas report in Dutch, as the API does.
z.config(dutch());

const root = document.getElementById("root");
if (!root) throw new Error("#root ontbreekt in index.html");
createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
