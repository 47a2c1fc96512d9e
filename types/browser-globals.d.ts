// Globals the browser pages get from <script> tags (botframework-webchat, Chart.js, teams-js bundles).
// They are untyped UMD bundles, hence `any`.
/* eslint-disable @typescript-eslint/no-explicit-any */
interface Window {
  WebChat: any;
  Chart: any;
  microsoftTeams: any;
  nativeInterface?: unknown;
}
