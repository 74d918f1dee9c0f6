//! `berth exec`: ECS Exec from berth's CLI. It calls ExecuteCommand (signed with the
//! credentials of the environment, or of `DIR/env`), then speaks the Session Manager data
//! channel (`berth_api::ssm_channel`) over the session's WebSocket, as the
//! session-manager-plugin does: OpenDataChannel, the handshake, acknowledged and ordered
//! stream data both ways. Interactive sessions (`-i`) get a TTY and the terminal in raw
//! mode when stdin is one; `berth exec` exits with the command's exit code.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context};
use berth_api::ssm_channel::{
    message_type, AgentMessage, ChannelClosed, HandshakeResponse, OpenDataChannel, PayloadType,
    TerminalSize,
};
use clap::Args;
use futures::{SinkExt, StreamExt};
use tokio_tungstenite::tungstenite::Message;

/// `berth exec --task ID|ARN [--cluster C] [--container NAME] [-i] -- COMMAND…`
#[derive(Debug, Args)]
pub struct ExecArgs {
    /// The task, by ID or ARN.
    #[arg(long)]
    task: String,
    /// The task's cluster (default: `default`).
    #[arg(long)]
    cluster: Option<String>,
    /// The container to run in; needed when the task has more than one.
    #[arg(long)]
    container: Option<String>,
    /// Interactive: a TTY, with this terminal's input (raw mode when it is a terminal).
    #[arg(short, long)]
    interactive: bool,
    /// Where `berth dev`/`berth server` wrote its `env` file, read for the endpoint and
    /// credentials the environment does not set.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Print how long the session took to show its first output byte (for benchmarks).
    #[arg(long, hide = true)]
    timing: bool,
    /// The command and its arguments.
    #[arg(last = true, required = true)]
    command: Vec<String>,
}

/// Runs `berth exec`; returns the command's exit code.
pub async fn run(args: ExecArgs) -> anyhow::Result<i32> {
    let started = Instant::now();
    let settings = Settings::load(args.data_dir.as_deref())?;
    let command = shlex::try_join(args.command.iter().map(String::as_str))
        .context("the command holds a NUL byte")?;
    let ecs = settings.ecs_client();
    let mut request = ecs
        .execute_command()
        .task(&args.task)
        .command(command)
        .interactive(args.interactive);
    if let Some(cluster) = &args.cluster {
        request = request.cluster(cluster);
    }
    if let Some(container) = &args.container {
        request = request.container(container);
    }
    let answer = request.send().await.map_err(|e| {
        let service = e.as_service_error().map(|s| {
            use aws_sdk_ecs::error::ProvideErrorMetadata;
            format!(
                "{}: {}",
                s.code().unwrap_or("error"),
                s.message().unwrap_or_default()
            )
        });
        anyhow::anyhow!(
            "ExecuteCommand failed: {}",
            service.unwrap_or_else(|| format!("{e:?}"))
        )
    })?;
    let session = answer
        .session()
        .context("ExecuteCommand returned no session")?;
    let (Some(url), Some(token), Some(id)) = (
        session.stream_url(),
        session.token_value(),
        session.session_id(),
    ) else {
        bail!("ExecuteCommand returned an incomplete session");
    };
    let tls = match &settings.ca_bundle {
        Some(pem) => Some(std::sync::Arc::new(berth_agent::client::pinned_tls_config(
            pem,
        )?)),
        None => None,
    };
    let socket = berth_agent::websocket::connect(url, &[], tls)
        .await
        .with_context(|| format!("opening the session's stream {url}"))?;
    let raw = (args.interactive && std::io::IsTerminal::is_terminal(&std::io::stdin()))
        .then(RawTerminal::enter)
        .flatten();
    let outcome = session_loop(socket, id, token, args.interactive, started, args.timing).await;
    drop(raw);
    outcome
}

/// The endpoint and credentials `berth exec` signs with.
struct Settings {
    endpoint: String,
    region: String,
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    ca_bundle: Option<String>,
}

impl Settings {
    /// From the environment, falling back to `DIR/env` for what it does not set.
    fn load(data_dir: Option<&std::path::Path>) -> anyhow::Result<Self> {
        let dir = data_dir
            .map(PathBuf::from)
            .unwrap_or_else(crate::commands::default_data_dir);
        let file = std::fs::read_to_string(dir.join("env"))
            .map(|c| crate::commands::parse_env_file(&c))
            .unwrap_or_default();
        let get = |name: &str| std::env::var(name).ok().or_else(|| file.get(name).cloned());
        let need = |name: &str| {
            get(name).with_context(|| {
                format!(
                    "{name} is not set: source the env file of `berth dev` (or pass --data-dir)"
                )
            })
        };
        let ca_bundle = match get("AWS_CA_BUNDLE") {
            Some(path) => Some(
                std::fs::read_to_string(&path)
                    .with_context(|| format!("reading the CA bundle {path}"))?,
            ),
            None => None,
        };
        Ok(Self {
            endpoint: get("AWS_ENDPOINT_URL_ECS")
                .or_else(|| get("AWS_ENDPOINT_URL"))
                .context("AWS_ENDPOINT_URL_ECS is not set: source the env file of `berth dev` (or pass --data-dir)")?,
            region: get("AWS_REGION")
                .or_else(|| get("AWS_DEFAULT_REGION"))
                .unwrap_or_else(|| "us-east-1".into()),
            access_key_id: need("AWS_ACCESS_KEY_ID")?,
            secret_access_key: need("AWS_SECRET_ACCESS_KEY")?,
            session_token: get("AWS_SESSION_TOKEN"),
            ca_bundle,
        })
    }

    fn ecs_client(&self) -> aws_sdk_ecs::Client {
        let credentials = aws_credential_types::Credentials::new(
            &self.access_key_id,
            &self.secret_access_key,
            self.session_token.clone(),
            None,
            "berth-exec",
        );
        let config = aws_sdk_ecs::Config::builder()
            .behavior_version(aws_sdk_ecs::config::BehaviorVersion::latest())
            .region(aws_sdk_ecs::config::Region::new(self.region.clone()))
            .credentials_provider(credentials)
            .endpoint_url(&self.endpoint)
            .build();
        aws_sdk_ecs::Client::from_conf(config)
    }
}

/// The client's side of the data channel.
async fn session_loop(
    mut socket: berth_agent::websocket::Socket,
    session_id: &str,
    token: &str,
    interactive: bool,
    started: Instant,
    timing: bool,
) -> anyhow::Result<i32> {
    let open = OpenDataChannel {
        message_schema_version: "1.0".into(),
        request_id: uuid::Uuid::new_v4().to_string(),
        token_value: token.to_owned(),
        client_id: Some(uuid::Uuid::new_v4().to_string()),
        client_version: Some(format!("berth-{}", env!("CARGO_PKG_VERSION"))),
    };
    socket
        .send(Message::Text(serde_json::to_string(&open)?.into()))
        .await
        .context("sending OpenDataChannel")?;
    let (input_tx, mut input_rx) = tokio::sync::mpsc::channel::<Vec<u8>>(64);
    let mut next_out: i64 = 0;
    let mut expected_in: i64 = 0;
    let mut early: BTreeMap<i64, AgentMessage> = BTreeMap::new();
    let mut exit_code: Option<i32> = None;
    let mut first_byte = false;
    let mut stdout = std::io::stdout();
    let mut stderr = std::io::stderr();
    let mut ready = false;
    loop {
        tokio::select! {
            bytes = input_rx.recv(), if ready && interactive => {
                let Some(bytes) = bytes else { continue };
                let message = AgentMessage::new(message_type::INPUT_STREAM_DATA, next_out, PayloadType::Output, bytes);
                next_out += 1;
                socket.send(Message::Binary(message.encode().into())).await.context("sending input")?;
            }
            frame = socket.next() => {
                let frame = match frame {
                    Some(Ok(Message::Binary(frame))) => frame,
                    Some(Ok(Message::Close(close))) => {
                        let reason = close.map(|c| c.reason.to_string()).unwrap_or_default();
                        return match exit_code {
                            Some(code) => Ok(code),
                            None if reason.is_empty() => bail!("the session's stream closed"),
                            None => bail!("the session was refused: {reason}"),
                        };
                    }
                    Some(Ok(_)) => continue,
                    Some(Err(e)) => bail!("the session's stream failed: {e}"),
                    None => return exit_code.context("the session's stream closed before the command's exit code"),
                };
                let message = AgentMessage::decode(&frame).context("a malformed message from the server")?;
                match message.message_type.as_str() {
                    message_type::OUTPUT_STREAM_DATA => {
                        // The server may close right after the last message: a lost
                        // acknowledgement of it does not matter.
                        let _ = socket.send(Message::Binary(message.acknowledgement().encode().into())).await;
                        if message.sequence_number < expected_in {
                            continue;
                        }
                        if message.sequence_number > expected_in {
                            if early.len() < 1000 {
                                early.insert(message.sequence_number, message);
                            }
                            continue;
                        }
                        let mut next = Some(message);
                        while let Some(message) = next {
                            expected_in += 1;
                            match message.kind() {
                                Some(PayloadType::HandshakeRequest) => {
                                    let response = HandshakeResponse {
                                        client_version: open.client_version.clone().unwrap_or_default(),
                                        processed_client_actions: vec![serde_json::json!({"ActionType": "SessionType", "ActionStatus": 1})],
                                        errors: Vec::new(),
                                    };
                                    let reply = AgentMessage::new(message_type::INPUT_STREAM_DATA, next_out, PayloadType::HandshakeResponse, serde_json::to_vec(&response)?);
                                    next_out += 1;
                                    socket.send(Message::Binary(reply.encode().into())).await?;
                                }
                                Some(PayloadType::HandshakeComplete) => {
                                    ready = true;
                                    if interactive {
                                        let size = terminal_size();
                                        let message = AgentMessage::new(message_type::INPUT_STREAM_DATA, next_out, PayloadType::Size, serde_json::to_vec(&size)?);
                                        next_out += 1;
                                        socket.send(Message::Binary(message.encode().into())).await?;
                                        spawn_stdin_reader(input_tx.clone());
                                    }
                                }
                                Some(PayloadType::Output) | Some(PayloadType::StdErr) => {
                                    if timing && !first_byte {
                                        first_byte = true;
                                        eprintln!("berth-exec-first-byte-us {}", started.elapsed().as_micros());
                                    }
                                    if message.kind() == Some(PayloadType::StdErr) {
                                        stderr.write_all(&message.payload)?;
                                        stderr.flush()?;
                                    } else {
                                        stdout.write_all(&message.payload)?;
                                        stdout.flush()?;
                                    }
                                }
                                Some(PayloadType::ExitCode) => {
                                    exit_code = std::str::from_utf8(&message.payload).ok().and_then(|s| s.trim().parse::<i64>().ok()).map(|c| c as i32);
                                }
                                _ => {}
                            }
                            next = early.remove(&expected_in);
                        }
                    }
                    message_type::CHANNEL_CLOSED => {
                        let closed: Option<ChannelClosed> = serde_json::from_slice(&message.payload).ok();
                        let output = closed.map(|c| c.output).unwrap_or_default();
                        return match exit_code {
                            Some(code) => Ok(code),
                            None if output.is_empty() => bail!("session {session_id} ended without the command's exit code"),
                            None => bail!("{output}"),
                        };
                    }
                    _ => {}
                }
            }
        }
    }
}

/// Reads stdin on a thread of its own (it blocks) and forwards it.
fn spawn_stdin_reader(tx: tokio::sync::mpsc::Sender<Vec<u8>>) {
    std::thread::spawn(move || {
        use std::io::Read;
        let mut stdin = std::io::stdin();
        let mut buffer = [0u8; 1024];
        loop {
            match stdin.read(&mut buffer) {
                Ok(0) | Err(_) => return,
                Ok(n) => {
                    if tx.blocking_send(buffer[..n].to_vec()).is_err() {
                        return;
                    }
                }
            }
        }
    });
}

/// The terminal's size (from `stty size`), or 80×24.
fn terminal_size() -> TerminalSize {
    let fallback = TerminalSize { cols: 80, rows: 24 };
    let Ok(output) = std::process::Command::new("stty")
        .arg("size")
        .stdin(std::process::Stdio::inherit())
        .output()
    else {
        return fallback;
    };
    let text = String::from_utf8_lossy(&output.stdout);
    let mut parts = text.split_whitespace().map(|p| p.parse::<u32>());
    match (parts.next(), parts.next()) {
        (Some(Ok(rows)), Some(Ok(cols))) if rows > 0 && cols > 0 => TerminalSize { cols, rows },
        _ => fallback,
    }
}

/// The terminal in raw mode (through `stty`), restored on drop.
struct RawTerminal {
    saved: String,
}

impl RawTerminal {
    fn enter() -> Option<Self> {
        let saved = std::process::Command::new("stty")
            .arg("-g")
            .stdin(std::process::Stdio::inherit())
            .output()
            .ok()?;
        let saved = String::from_utf8(saved.stdout).ok()?.trim().to_owned();
        let status = std::process::Command::new("stty")
            .args(["raw", "-echo"])
            .stdin(std::process::Stdio::inherit())
            .status()
            .ok()?;
        status.success().then_some(Self { saved })
    }
}

impl Drop for RawTerminal {
    fn drop(&mut self) {
        let _ = std::process::Command::new("stty")
            .arg(&self.saved)
            .stdin(std::process::Stdio::inherit())
            .status();
    }
}
