// antd's Input without Input.TextArea, Search, Password and OTP: the always-loaded text-like inputs
// import it from here so the fill page's initial JavaScript does not carry the others (~10 KB gzip).
import Input from "antd/es/input/Input";

export { Input };
