/*
 * The CSS of the Utrecht components the app uses, one package per component: the versions that
 * @utrecht/component-library-css 9 bundles (so the look did not change), in that bundle's order. A component added to
 * the app needs its package here and in package.json. See docs/decisions/0020-per-component-utrecht-and-dutch-only-web.md.
 */
import "@utrecht/alert-css/dist/index.css";
import "@utrecht/body-css/dist/index.css";
import "@utrecht/button-link-css/dist/index.css";
import "@utrecht/button-css/dist/index.css";
import "@utrecht/checkbox-css/dist/index.css";
import "@utrecht/document-css/dist/index.css";
import "@utrecht/form-field-description-css/dist/index.css";
import "@utrecht/form-field-error-message-css/dist/index.css";
import "@utrecht/form-field-css/dist/index.css";
import "@utrecht/form-fieldset-css/dist/index.css";
import "@utrecht/form-label-css/dist/index.css";
import "@utrecht/heading-1-css/dist/index.css";
import "@utrecht/heading-2-css/dist/index.css";
import "@utrecht/heading-3-css/dist/index.css";
import "@utrecht/heading-4-css/dist/index.css";
import "@utrecht/link-css/dist/index.css";
import "@utrecht/ordered-list-css/dist/index.css";
import "@utrecht/page-footer-css/dist/index.css";
import "@utrecht/page-header-css/dist/index.css";
import "@utrecht/paragraph-css/dist/index.css";
import "@utrecht/root-css/dist/index.css";
import "@utrecht/select-css/dist/index.css";
import "@utrecht/skip-link-css/dist/index.css";
import "@utrecht/surface-css/dist/index.css";
import "@utrecht/table-css/dist/index.css";
import "@utrecht/textarea-css/dist/index.css";
import "@utrecht/textbox-css/dist/index.css";
import "@utrecht/unordered-list-css/dist/index.css";
