import { addChunkTexts } from "../i18n/chunk-texts";
import en from "./locales/en.json";
import zhCN from "./locales/zh-CN.json";

addChunkTexts(zhCN, en);
