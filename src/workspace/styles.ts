/**
 * The workspace's one stylesheet: the chat layout (two columns, one below 720 px) and the cards drawn as
 * the Lark client draws them — header template colours, buttons by type, fields, tables, charts. System
 * fonts only (a Chinese font is whatever the machine has), so the first load stays small.
 */
const HEADERS: Record<string, [string, string]> = {
  blue: ['#e1eaff', '#1f50b8'],
  wathet: ['#d9f3fd', '#036a8f'],
  turquoise: ['#d5f6f2', '#067363'],
  green: ['#d9f5d6', '#1f6b16'],
  yellow: ['#faf1d1', '#7a5207'],
  orange: ['#feead2', '#8f4d03'],
  red: ['#fde2e2', '#b3261e'],
  carmine: ['#fddded', '#a30d5f'],
  violet: ['#f6e6fc', '#7b2596'],
  purple: ['#ece2fe', '#5421b5'],
  indigo: ['#e0e3fc', '#333eb8'],
  grey: ['#eff0f1', '#1f2329'],
  default: ['#ffffff', '#1f2329'],
};

const headerRules = Object.entries(HEADERS)
  .map(([name, [bg, fg]]) => `.lk-t-${name}{background:${bg};color:${fg}}`)
  .join('');

export const STYLES = `
*{box-sizing:border-box}
[hidden]{display:none!important}
html,body{margin:0;height:100%}
body{font:14px/1.5 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Zen Hei","Noto Sans CJK SC",sans-serif;color:#1f2329;background:#f2f3f5}
a{color:#245bdb}
button,input,select,textarea{font:inherit;color:inherit}
:focus-visible{outline:2px solid #3370ff;outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:8px;z-index:10}.skip:focus{left:8px}
.ws{display:grid;grid-template-columns:272px minmax(0,1fr);grid-template-rows:1fr auto;grid-template-areas:"side main" "tools main";height:100vh}
.side{grid-area:side;background:#fff;border-right:1px solid #dee0e3;overflow:auto}
.brand{padding:14px 16px 6px;font-weight:600;font-size:16px}
.brand small{display:block;font-weight:400;color:#646a73;font-size:12px}
.side h2{font-size:12px;color:#646a73;font-weight:500;margin:12px 16px 4px}
.chats{list-style:none;margin:0;padding:0 8px}
.chats a{display:flex;align-items:center;gap:8px;padding:8px;border-radius:6px;text-decoration:none;color:inherit}
.chats a:hover{background:#f2f3f5}
.chats a[aria-current=page]{background:#e1eaff}
.chat-av{width:32px;height:32px;border-radius:50%;display:grid;place-items:center;background:#3370ff;color:#fff;font-size:13px;flex:none}
.chat-av.dm{background:#7f3bf5}
.chat-text{min-width:0;flex:1}
.chat-name{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.chat-kind{font-size:12px;color:#646a73}
.badge{background:#f54a45;color:#fff;border-radius:9px;font-size:11px;padding:0 6px;min-width:18px;text-align:center}
.tools{grid-area:tools;background:#fff;border-right:1px solid #dee0e3;border-top:1px solid #dee0e3;padding:12px 16px;display:grid;gap:10px}
.tools form{display:flex;gap:6px;flex-wrap:wrap;align-items:center}
.tools input[type=text]{flex:1;min-width:6em}
.main{grid-area:main;display:flex;flex-direction:column;min-width:0;height:100vh}
.top{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;padding:10px 16px;background:#fff;border-bottom:1px solid #dee0e3}
.top h1{font-size:16px;margin:0;flex:1 1 auto}
.top label{font-size:13px;color:#646a73}
.clock{font-size:13px;color:#646a73;display:flex;gap:6px;align-items:center;flex-wrap:wrap}
.messages{flex:1;overflow:auto;list-style:none;margin:0;padding:16px}
.empty{color:#8f959e;text-align:center;padding:32px}
.msg{display:flex;gap:10px;margin:0 0 16px}
.avatar{width:36px;height:36px;border-radius:50%;background:#7f3bf5;color:#fff;display:grid;place-items:center;flex:none}
.from-bot .avatar{background:#3370ff}
.msg-main{min-width:0;flex:1;max-width:680px}
.msg-meta{font-size:12px;color:#646a73;margin-bottom:4px}
.msg-who{color:#1f2329;font-weight:500}
.tag-bot{background:#e1eaff;color:#245bdb;border-radius:3px;padding:0 4px}
.tag-urgent{background:#fde2e2;color:#b3261e;border-radius:3px;padding:0 4px;font-weight:600}
.quote{font-size:12px;color:#646a73;border-left:3px solid #dee0e3;padding-left:8px;margin-bottom:4px}
.bubble{background:#fff;border:1px solid #dee0e3;border-radius:8px;padding:8px 12px;display:inline-block;max-width:100%;overflow-wrap:anywhere}
.bubble.text{white-space:pre-wrap}
.bubble.file{display:inline-flex;gap:6px;align-items:center;flex-wrap:wrap}
.file-size{color:#8f959e;font-size:12px}
.file-icon{width:22px;height:28px;border-radius:3px;background:#2ea121;position:relative;flex:none}
.file-icon::after{content:"";position:absolute;right:0;top:0;border:5px solid #fff;border-bottom-color:#c2e8bd;border-left-color:#c2e8bd}
.msg-actions{margin-top:2px}
.link{background:none;border:0;padding:0;color:#646a73;font-size:12px;cursor:pointer}
.link:hover{color:#245bdb}
.composer{background:#fff;border-top:1px solid #dee0e3;padding:8px 16px 12px}
.replying{font-size:12px;color:#646a73;display:flex;gap:8px;align-items:center;margin-bottom:4px}
.composer-row{display:flex;gap:8px;align-items:flex-end}
.composer textarea{flex:1;min-height:40px;max-height:40vh;resize:vertical;border:1px solid #bbbfc4;border-radius:6px;padding:8px}
.hint{font-size:12px;color:#8f959e;margin-top:4px}
.btn{border:1px solid #bbbfc4;background:#fff;border-radius:6px;padding:5px 12px;cursor:pointer;white-space:nowrap}
.btn:hover{border-color:#3370ff;color:#245bdb}
.btn.primary{background:#3370ff;border-color:#3370ff;color:#fff}
.btn.danger{color:#d83931;border-color:#d83931}
#toasts{position:fixed;left:50%;bottom:24px;transform:translateX(-50%);display:grid;gap:8px;z-index:20;pointer-events:none}
.toast{background:#1f2329;color:#fff;border-radius:6px;padding:8px 16px;box-shadow:0 4px 12px rgba(0,0,0,.2);max-width:90vw}
.toast.error{background:#b3261e}.toast.success{background:#1f6b16}.toast.warning{background:#8f4d03}
dialog{border:0;border-radius:8px;padding:20px;max-width:420px;box-shadow:0 8px 24px rgba(0,0,0,.2)}
dialog h2{font-size:16px;margin:0 0 8px}
dialog .row{display:flex;justify-content:flex-end;gap:8px;margin-top:16px}
@media (max-width:720px){
.ws{grid-template-columns:1fr;grid-template-rows:auto auto auto;grid-template-areas:"side" "main" "tools";height:auto}
.tools{border-right:0}
.side{border-right:0;border-bottom:1px solid #dee0e3;max-height:none}
.chats{display:flex;overflow-x:auto;gap:4px;padding-bottom:8px}
.chats a{flex-direction:column;gap:2px;min-width:88px;text-align:center}
.chat-preview{display:none}
.main{height:auto;min-height:100vh}
.messages{padding:12px 8px}
.avatar{display:none}
}
.lk-card{background:#fff;border:1px solid #dee0e3;border-radius:8px;overflow:hidden;max-width:640px;width:100%}
.lk-compact{max-width:400px}
.lk-head{padding:12px 16px}
.lk-title{font-weight:600;font-size:16px;overflow-wrap:anywhere}
.lk-sub{font-size:13px;opacity:.85;margin-top:2px}
.lk-hdr-tag{font-size:12px;font-weight:400;border-radius:3px;padding:0 4px;margin-left:6px}
${headerRules}
.lk-body{padding:12px 16px;display:grid;gap:10px}
.lk-md{overflow-wrap:anywhere}
.lk-md p{margin:0}.lk-md p+p{margin-top:6px}
.lk-md ul,.lk-md ol{margin:0;padding-left:1.4em}
.lk-heading{font-size:16px}
.lk-notation{font-size:12px;color:#646a73}
.lk-align-center{text-align:center}.lk-align-right{text-align:right}
.md-h{font-weight:600}.md-h1{font-size:20px}.md-h2{font-size:18px}.md-h3{font-size:16px}
.md-at{color:#245bdb}
.lk-md code{background:#f2f3f5;border-radius:3px;padding:0 3px}
.lk-hr{border:0;border-top:1px solid #dee0e3;margin:2px 0;width:100%}
.lk-cols{display:flex;flex-wrap:nowrap;align-items:flex-start}
.lk-flex-flow{flex-wrap:wrap}
.lk-flex-bisect>.lk-col{flex:1 1 45%!important}.lk-flex-trisect>.lk-col{flex:1 1 30%!important}
.lk-flex-bisect,.lk-flex-trisect{flex-wrap:wrap}
.lk-col{min-width:0;display:grid;gap:8px}
@media (max-width:480px){.lk-flex-stretch{flex-direction:column}.lk-flex-stretch>.lk-col{width:100%}}
.lk-panel{border:1px solid #dee0e3;border-radius:6px}
.lk-panel summary{padding:8px 12px;cursor:pointer}
.lk-panel-body{padding:0 12px 10px;display:grid;gap:8px}
.lk-form{display:grid;gap:10px}
.lk-field{display:grid;gap:4px}
.lk-label-left{grid-template-columns:auto 1fr;align-items:center}
.lk-label{font-size:13px;color:#1f2329}
.lk-req{color:#d83931;margin-left:2px}
.lk-input{width:100%;border:1px solid #bbbfc4;border-radius:6px;padding:6px 8px;background:#fff;min-height:34px}
select.lk-input[multiple]{padding:4px}
.lk-input:invalid:focus{border-color:#d83931}
.lk-checker{display:flex;gap:6px;align-items:center}
.lk-btn{border:1px solid #bbbfc4;background:#fff;border-radius:6px;padding:4px 14px;min-height:32px;cursor:pointer;white-space:nowrap}
.lk-btn:hover:not(:disabled){border-color:#3370ff}
.lk-btn:disabled{opacity:.45;cursor:not-allowed}
.lk-btn[aria-busy=true]{opacity:.6}
.lk-s-tiny{min-height:24px;padding:0 8px;font-size:12px}.lk-s-small{min-height:28px;padding:2px 10px;font-size:13px}.lk-s-large{min-height:40px;padding:6px 18px}
.lk-fill{width:100%}
.lk-b-primary{color:#245bdb;border-color:#3370ff}
.lk-b-danger{color:#d83931;border-color:#f54a45}
.lk-b-text,.lk-b-primary_text,.lk-b-danger_text{border-color:transparent;background:none}
.lk-b-primary_text{color:#245bdb}.lk-b-danger_text{color:#d83931}
.lk-b-primary_filled{background:#3370ff;border-color:#3370ff;color:#fff}
.lk-b-danger_filled{background:#f54a45;border-color:#f54a45;color:#fff}
.lk-b-laser{background:linear-gradient(90deg,#3370ff,#a65bfb);border:0;color:#fff}
.lk-table{display:grid;gap:4px}
.lk-table-scroll{overflow-x:auto;border:1px solid #dee0e3;border-radius:6px}
.lk-table table{border-collapse:collapse;width:100%;table-layout:auto;font-size:13px}
.lk-table th,.lk-table td{border-bottom:1px solid #eff0f1;padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.lk-row-middle td{padding:10px 8px}.lk-row-high td{padding:14px 8px}
.lk-th-grey th{background:#f5f6f7}
.lk-table td.num{text-align:right;font-variant-numeric:tabular-nums}
.lk-freeze th:first-child,.lk-freeze td:first-child{position:sticky;left:0;background:#fff}
.lk-tag{border:1px solid;border-radius:3px;padding:0 4px;font-size:12px}
.lk-pager{display:flex;gap:8px;align-items:center;justify-content:flex-end;font-size:12px;color:#646a73}
.lk-page{border:1px solid #dee0e3;background:#fff;border-radius:4px;min-width:28px;min-height:24px;cursor:pointer}
.lk-chart{margin:0}.lk-chart svg{width:100%;height:auto;display:block}
.ch-title{font-size:14px;font-weight:600;fill:#1f2329}
.ch-tick{font-size:11px;fill:#646a73}.ch-legend{font-size:12px;fill:#1f2329}
.ch-grid{stroke:#eff0f1}.ch-axis{stroke:#bbbfc4}
.lk-unknown{border:2px solid #d83931;background:#fde2e2;color:#b3261e;border-radius:6px;padding:8px 12px;font-weight:600}
.gallery{max-width:760px;margin:0 auto;padding:16px}
.gallery section{margin:0 0 32px}
.gallery h2{font-size:16px;margin:0 0 2px}
.gallery .when{color:#646a73;font-size:13px;margin:0 0 8px}
.gallery nav ol{columns:2;font-size:13px}
`;
