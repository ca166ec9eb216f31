// Commonplace's only script of its own: progressive enhancement, nothing a page needs to work.
import { initAll } from "../build/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
