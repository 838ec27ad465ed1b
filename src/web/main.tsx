import "@utrecht/design-tokens/dist/font-family.js";
import "@utrecht/design-tokens/dist/index.css";
import "./app/utrecht-css.ts";
import "./app/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { router } from "./app/router.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("#root ontbreekt in index.html");
createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
