#!/usr/bin/env node
// A stand-in for AWS's session-manager-plugin, built on a third-party implementation of the
// Session Manager data channel from the npm registry (`ssm-session`, with `ws`), so that
// `aws ecs execute-command` runs a real session against berth where the plugin itself
// cannot be installed. The aws CLI calls it as the plugin: first with no arguments (a
// presence check), then with the ExecuteCommand answer's `session` JSON, the region,
// "StartSession", the profile, the request parameters and the endpoint URL.
//
// It forwards its stdin as the session's input and prints the session's output. When
// BERTH_PLUGIN_ARGS is set, it also writes the arguments it was given there (JSON).
"use strict";

if (process.argv.length <= 2) {
  process.exit(0);
}

const fs = require("fs");
const WebSocket = require("ws");
const { ssm } = require("ssm-session");

const session = JSON.parse(process.argv[2]);
if (process.env.BERTH_PLUGIN_ARGS) {
  fs.writeFileSync(process.env.BERTH_PLUGIN_ARGS, JSON.stringify(process.argv.slice(2)));
}
const termOptions = { rows: 24, cols: 80 };
const socket = new WebSocket(session.streamUrl);
socket.binaryType = "arraybuffer";
let opened = false;
const pending = [];

socket.on("open", () => {
  ssm.init(socket, { token: session.tokenValue, termOptions });
  opened = true;
  for (const chunk of pending.splice(0)) {
    ssm.sendText(socket, chunk);
  }
});
socket.on("message", (data) => {
  const message = ssm.decode(data);
  if (message.messageType === "acknowledge") {
    return;
  }
  ssm.sendACK(socket, message);
  if (message.messageType === "channel_closed") {
    socket.close();
    return;
  }
  if (message.payloadType === 1) {
    process.stdout.write(Buffer.from(message.payload));
  }
});
socket.on("close", () => process.exit(0));
socket.on("error", (error) => {
  process.stderr.write(`session-manager-plugin (ssm-session): ${error}\n`);
  process.exit(1);
});
process.stdin.on("data", (chunk) => {
  const bytes = new Uint8Array(chunk);
  if (opened) {
    ssm.sendText(socket, bytes);
  } else {
    pending.push(bytes);
  }
});
