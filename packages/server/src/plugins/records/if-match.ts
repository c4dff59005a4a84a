export { etagOf, parseIfMatch } from "../../http/if-match";
