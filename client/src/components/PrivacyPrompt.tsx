// Browsers have no WeChat privacy authorization to ask for (lib/privacy.ts): nothing to show.
// PrivacyPrompt.weapp.tsx is the mini-program's prompt.
export default function PrivacyPrompt() {
  return null
}
