// Two forms of a shop (orders with a link and a sub-form; products) for the dashboard validator's tests.
import type { FormDefinition } from "../types";

export const SHOP_FORMS: Record<string, FormDefinition> = {
  orders: {
    key: "orders",
    name: "Orders",
    fields: [
      { id: "region", type: "select", label: "Region", options: [{ value: "n" }] },
      { id: "amount", type: "number", label: "Amount" },
      { id: "note", type: "text", label: "Note" },
      { id: "at", type: "datetime", label: "At" },
      { id: "rep", type: "member", label: "Rep" },
      { id: "product", type: "link", label: "Product", form: "products" },
      {
        id: "lines",
        type: "subform",
        label: "Lines",
        fields: [
          { id: "item", type: "link", label: "Item", form: "products" },
          { id: "subtotal", type: "number", label: "Subtotal" },
        ],
      },
    ],
  },
  products: {
    key: "products",
    name: "Products",
    fields: [{ id: "category", type: "text", label: "Category" }],
  },
};
export const shopForms = (key: string) => SHOP_FORMS[key];
