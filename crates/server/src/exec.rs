//! ECS Exec sessions: the registry of sessions ExecuteCommand issued, and the relay that
//! joins a client's WebSocket (`streamUrl`, speaking the Session Manager data channel of
//! [`berth_api::ssm_channel`]) to the WebSocket the task's agent opens back to the server.
//!
//! The server never dials an agent. A session goes:
//!
//! 1. `ExecuteCommand` ([`ExecRegistry::issue`]): a session id and a token, single use,
//!    good for [`TOKEN_TTL`] to open the stream. Only a hash of the token is kept.
//! 2. The client opens `GET /exec/v1/sessions/{id}/stream` and sends OpenDataChannel with
//!    the token ([`ExecRegistry::open`]). The token is spent; an [`ExecGrant`] (with a
//!    fresh secret) is queued for the task's instance and its agent's long poll
//!    (`GET /agent/v1/exec/grants`) is woken.
//! 3. The agent, which takes grants only over its authenticated poll and only for tasks
//!    of its own with exec enabled, attaches `GET /agent/v1/exec/sessions/{id}` with its
//!    credential and the grant's secret ([`ExecRegistry::attach`]) within [`ATTACH_TTL`],
//!    runs the command through Docker's exec API and streams.
//! 4. [`relay`] speaks the data channel to the client (handshake, sequence numbers,
//!    acknowledgements, resends) and berth's small exec frames to the agent
//!    (`berth_api::protocol::{ExecControl, ExecEvent}`), until the command exits (its exit
//!    code goes to the client as an `ExitCode` payload, then `channel_closed`).
//!
//! Sessions live in this server's memory: a session is tied to the connections it
//! relays, which end with the process anyway.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::ws::{CloseFrame, Message, WebSocket};
use berth_api::protocol::{ExecControl, ExecEvent, ExecGrant, EXEC_STDERR, EXEC_STDOUT};
use berth_api::ssm_channel::{
    self, flag, message_type, AgentMessage, ChannelClosed, HandshakeComplete, HandshakeRequest,
    OpenDataChannel, PayloadType, TerminalSize,
};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tokio::sync::{oneshot, Notify};
use tokio_util::sync::CancellationToken;

/// How long a session's token may be used to open its stream.
pub const TOKEN_TTL: Duration = Duration::from_secs(60);
/// How long the agent has to attach once the client opened the stream.
pub const ATTACH_TTL: Duration = Duration::from_secs(15);
/// How long the client has to send OpenDataChannel once connected.
const OPEN_TTL: Duration = Duration::from_secs(10);
/// Sessions (issued, opened or running) one server holds at once.
pub const MAX_SESSIONS: usize = 1000;
/// Out-of-order input messages held while an earlier one is missing.
const MAX_BUFFERED_INPUT: usize = 100;
/// Input held (in bytes) until the agent attaches.
const MAX_EARLY_INPUT: usize = 1024 * 1024;
/// Unacknowledged output is sent again after this long, at most [`MAX_RESENDS`] times.
const RESEND_AFTER: Duration = Duration::from_millis(500);
const MAX_RESENDS: u32 = 20;
/// Output messages sent and not yet acknowledged before the relay stops reading the agent.
const MAX_UNACKED: usize = 2000;

/// What an exec session runs, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionTarget {
    pub cluster: String,
    pub task_arn: String,
    pub instance_id: String,
    pub container_name: String,
    pub command: Vec<String>,
    pub interactive: bool,
}

/// Why a session could not be opened or attached. The message is for the client.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("The session {0} does not exist or has ended.")]
    Unknown(String),
    #[error("The session's token is not valid.")]
    BadToken,
    #[error("The session's token was already used. Call ExecuteCommand again for a new session.")]
    TokenUsed,
    #[error("The session's token expired (it must be used within {}s). Call ExecuteCommand again.", TOKEN_TTL.as_secs())]
    TokenExpired,
    #[error(
        "This server holds {MAX_SESSIONS} exec sessions already; try again when some have ended."
    )]
    TooMany,
    #[error("The session is not this agent's to attach.")]
    NotYours,
}

struct Entry {
    target: SessionTarget,
    /// SHA-256 of the token; `None` once the token was used.
    token_hash: Option<[u8; 32]>,
    token_expires: Instant,
    /// SHA-256 of the grant's secret, once the client opened the stream.
    grant_secret_hash: Option<[u8; 32]>,
    attach_expires: Option<Instant>,
    /// Hands the agent's socket to the relay.
    agent: Option<oneshot::Sender<WebSocket>>,
    /// Cancelled by TerminateSession.
    terminate: CancellationToken,
}

#[derive(Default)]
struct Inner {
    sessions: HashMap<String, Entry>,
    /// Grants waiting for each instance's agent to take them.
    grants: HashMap<String, Vec<(Instant, ExecGrant)>>,
    wakers: HashMap<String, Arc<Notify>>,
}

/// The exec sessions this server issued.
#[derive(Default)]
pub struct ExecRegistry {
    inner: Mutex<Inner>,
}

impl std::fmt::Debug for ExecRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExecRegistry").finish_non_exhaustive()
    }
}

/// A stream the client opened: the session, and where the agent's socket will arrive.
pub struct OpenedSession {
    pub id: String,
    pub target: SessionTarget,
    pub agent: oneshot::Receiver<WebSocket>,
    pub terminate: CancellationToken,
}

fn hash(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.as_bytes()).into()
}

/// A new session id, in ECS's form.
fn new_session_id() -> String {
    format!(
        "ecs-execute-command-{}",
        &uuid::Uuid::new_v4().simple().to_string()[..17]
    )
}

impl ExecRegistry {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Issues a session for `target`: its id and its token (shown once).
    pub fn issue(&self, target: SessionTarget) -> Result<(String, String), SessionError> {
        let mut inner = self.lock();
        let now = Instant::now();
        // Forget sessions whose token expired unused, or whose agent never attached.
        inner.sessions.retain(|_, e| {
            (e.token_hash.is_none() || e.token_expires > now)
                && e.attach_expires
                    .is_none_or(|t| t > now || e.agent.is_none())
        });
        if inner.sessions.len() >= MAX_SESSIONS {
            return Err(SessionError::TooMany);
        }
        let id = new_session_id();
        let token = crate::identity::random_secret();
        inner.sessions.insert(
            id.clone(),
            Entry {
                target,
                token_hash: Some(hash(&token)),
                token_expires: now + TOKEN_TTL,
                grant_secret_hash: None,
                attach_expires: None,
                agent: None,
                terminate: CancellationToken::new(),
            },
        );
        Ok((id, token))
    }

    /// A fresh token for a session whose stream was not opened yet (SSM ResumeSession).
    pub fn reissue(&self, id: &str) -> Result<String, SessionError> {
        let mut inner = self.lock();
        let entry = inner
            .sessions
            .get_mut(id)
            .ok_or_else(|| SessionError::Unknown(id.to_owned()))?;
        if entry.token_hash.is_none() {
            return Err(SessionError::TokenUsed);
        }
        let token = crate::identity::random_secret();
        entry.token_hash = Some(hash(&token));
        entry.token_expires = Instant::now() + TOKEN_TTL;
        Ok(token)
    }

    /// Spends the token of session `id` and asks its agent to attach.
    pub fn open(&self, id: &str, token: &str) -> Result<OpenedSession, SessionError> {
        let mut inner = self.lock();
        let inner = &mut *inner;
        let entry = inner
            .sessions
            .get_mut(id)
            .ok_or_else(|| SessionError::Unknown(id.to_owned()))?;
        let Some(expected) = entry.token_hash else {
            return Err(SessionError::TokenUsed);
        };
        if !bool::from(expected.ct_eq(&hash(token))) {
            return Err(SessionError::BadToken);
        }
        let now = Instant::now();
        if entry.token_expires <= now {
            return Err(SessionError::TokenExpired);
        }
        entry.token_hash = None;
        let secret = crate::identity::random_secret();
        entry.grant_secret_hash = Some(hash(&secret));
        entry.attach_expires = Some(now + ATTACH_TTL);
        let (tx, rx) = oneshot::channel();
        entry.agent = Some(tx);
        let grant = ExecGrant {
            session_id: id.to_owned(),
            task_arn: entry.target.task_arn.clone(),
            container_name: entry.target.container_name.clone(),
            command: entry.target.command.clone(),
            interactive: entry.target.interactive,
            expires_at: crate::model::now() + ATTACH_TTL.as_secs_f64(),
            secret,
        };
        let opened = OpenedSession {
            id: id.to_owned(),
            target: entry.target.clone(),
            agent: rx,
            terminate: entry.terminate.clone(),
        };
        let instance = entry.target.instance_id.clone();
        inner
            .grants
            .entry(instance.clone())
            .or_default()
            .push((now + ATTACH_TTL, grant));
        if let Some(waker) = inner.wakers.get(&instance) {
            waker.notify_one();
        }
        Ok(opened)
    }

    /// The grants waiting for an instance's agent, taken.
    pub fn take_grants(&self, instance_id: &str) -> Vec<ExecGrant> {
        let mut inner = self.lock();
        let now = Instant::now();
        inner
            .grants
            .remove(instance_id)
            .unwrap_or_default()
            .into_iter()
            .filter(|(expires, _)| *expires > now)
            .map(|(_, grant)| grant)
            .collect()
    }

    /// What wakes an instance's grant poll.
    pub fn waker(&self, instance_id: &str) -> Arc<Notify> {
        self.lock()
            .wakers
            .entry(instance_id.to_owned())
            .or_default()
            .clone()
    }

    /// Checks an agent's attach and returns where to hand its socket.
    pub fn attach(
        &self,
        id: &str,
        instance_id: &str,
        secret: &str,
    ) -> Result<oneshot::Sender<WebSocket>, SessionError> {
        let mut inner = self.lock();
        let entry = inner
            .sessions
            .get_mut(id)
            .ok_or_else(|| SessionError::Unknown(id.to_owned()))?;
        let secret_ok = entry
            .grant_secret_hash
            .is_some_and(|h| bool::from(h.ct_eq(&hash(secret))));
        if entry.target.instance_id != instance_id || !secret_ok {
            return Err(SessionError::NotYours);
        }
        if entry.attach_expires.is_some_and(|t| t <= Instant::now()) {
            return Err(SessionError::Unknown(id.to_owned()));
        }
        entry.agent.take().ok_or(SessionError::NotYours)
    }

    /// Ends a session (SSM TerminateSession). Whether it existed.
    pub fn terminate(&self, id: &str) -> bool {
        let mut inner = self.lock();
        match inner.sessions.remove(id) {
            Some(entry) => {
                entry.terminate.cancel();
                true
            }
            None => false,
        }
    }

    /// Forgets a session that ended.
    pub fn finish(&self, id: &str) {
        self.lock().sessions.remove(id);
    }

    /// Whether a session is known (issued and not ended).
    pub fn contains(&self, id: &str) -> bool {
        self.lock().sessions.contains_key(id)
    }
}

/// Serves a client's stream WebSocket for session `id` until the session ends.
pub async fn serve_client(registry: Arc<ExecRegistry>, id: String, mut socket: WebSocket) {
    let open = match tokio::time::timeout(OPEN_TTL, socket.recv()).await {
        Ok(Some(Ok(Message::Text(text)))) => {
            match serde_json::from_str::<OpenDataChannel>(text.as_str()) {
                Ok(open) => open,
                Err(e) => {
                    close(
                        &mut socket,
                        &format!("The first message must be OpenDataChannel JSON: {e}"),
                    )
                    .await;
                    return;
                }
            }
        }
        _ => {
            close(
                &mut socket,
                "The first message must be an OpenDataChannel text frame with the session's token.",
            )
            .await;
            return;
        }
    };
    let opened = match registry.open(&id, &open.token_value) {
        Ok(opened) => opened,
        Err(e) => {
            tracing::info!(session = %id, error = %e, "exec stream refused");
            close(&mut socket, &e.to_string()).await;
            return;
        }
    };
    let handshake = open.client_version.is_some();
    relay(socket, opened, handshake).await;
    registry.finish(&id);
}

/// Closes a WebSocket with a policy-violation code and a reason (cut to fit a frame).
async fn close(socket: &mut WebSocket, reason: &str) {
    let mut reason = reason.to_owned();
    while reason.len() > 120 {
        reason.pop();
    }
    let _ = socket
        .send(Message::Close(Some(CloseFrame {
            code: 1008,
            reason: reason.into(),
        })))
        .await;
}

/// The client's side of a session: what was sent and not yet acknowledged, and the next
/// sequence numbers each way.
struct ClientChannel {
    socket: WebSocket,
    session_id: String,
    next_out: i64,
    expected_in: i64,
    early_input: BTreeMap<i64, AgentMessage>,
    unacked: VecDeque<(i64, Vec<u8>, Instant, u32)>,
}

impl ClientChannel {
    async fn send_raw(&mut self, frame: Vec<u8>) -> bool {
        self.socket
            .send(Message::Binary(frame.into()))
            .await
            .is_ok()
    }

    /// Sends stream data with the next sequence number, kept until acknowledged.
    async fn send_stream(&mut self, kind: PayloadType, payload: Vec<u8>) -> bool {
        let message = AgentMessage::new(
            message_type::OUTPUT_STREAM_DATA,
            self.next_out,
            kind,
            payload,
        );
        let frame = message.encode();
        self.unacked
            .push_back((self.next_out, frame.clone(), Instant::now(), 0));
        self.next_out += 1;
        self.send_raw(frame).await
    }

    /// Sends `channel_closed` (with `output` as the reason, if any) and closes.
    async fn close(&mut self, output: &str) {
        let content = ChannelClosed {
            message_id: uuid::Uuid::new_v4().to_string(),
            created_date: time::OffsetDateTime::now_utc()
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
            destination_id: String::new(),
            session_id: self.session_id.clone(),
            message_type: message_type::CHANNEL_CLOSED.to_owned(),
            schema_version: 1,
            output: output.to_owned(),
        };
        let message = AgentMessage::new(
            message_type::CHANNEL_CLOSED,
            self.next_out,
            PayloadType::Output,
            serde_json::to_vec(&content).unwrap_or_default(),
        );
        let _ = self.send_raw(message.encode()).await;
        let _ = self.socket.send(Message::Close(None)).await;
    }

    /// Sends again what was not acknowledged in time. False when a message was sent too
    /// often: the client is gone or broken.
    async fn resend_due(&mut self) -> bool {
        let now = Instant::now();
        let mut due = Vec::new();
        for (_, frame, sent, attempts) in self.unacked.iter_mut() {
            if now.duration_since(*sent) >= RESEND_AFTER {
                if *attempts >= MAX_RESENDS {
                    return false;
                }
                *attempts += 1;
                *sent = now;
                due.push(frame.clone());
            }
        }
        for frame in due {
            if !self.send_raw(frame).await {
                return false;
            }
        }
        true
    }
}

/// What the client asked of the session, from one of its messages.
enum ClientInput {
    Stdin(Vec<u8>),
    Resize(TerminalSize),
    HandshakeDone,
    Terminate,
}

/// Relays one opened session until it ends.
async fn relay(socket: WebSocket, opened: OpenedSession, handshake: bool) {
    let OpenedSession {
        id,
        target,
        agent: agent_rx,
        terminate,
    } = opened;
    let mut client = ClientChannel {
        socket,
        session_id: id.clone(),
        next_out: 0,
        expected_in: 0,
        early_input: BTreeMap::new(),
        unacked: VecDeque::new(),
    };
    let started = Instant::now();
    let mut handshake_done = !handshake;
    if handshake {
        let request = HandshakeRequest::standard_stream(crate::VERSION);
        let payload = serde_json::to_vec(&request).unwrap_or_default();
        if !client
            .send_stream(PayloadType::HandshakeRequest, payload)
            .await
        {
            return;
        }
    }
    let mut agent: Option<WebSocket> = None;
    let mut agent_rx = Some(agent_rx);
    let attach_deadline = tokio::time::sleep(ATTACH_TTL);
    tokio::pin!(attach_deadline);
    // Input and controls that arrive before the agent attaches, in order.
    let mut to_agent: Vec<Message> = Vec::new();
    let mut early_bytes = 0usize;
    let mut resend = tokio::time::interval(RESEND_AFTER / 2);
    let interactive = target.interactive;
    loop {
        let read_agent = handshake_done && agent.is_some() && client.unacked.len() < MAX_UNACKED;
        tokio::select! {
            _ = terminate.cancelled() => {
                if let Some(agent) = agent.as_mut() {
                    let _ = send_control(agent, ExecControl::Terminate).await;
                }
                client.close("The session was terminated.").await;
                return;
            }
            received = async { agent_rx.as_mut().expect("checked").await }, if agent_rx.is_some() => {
                agent_rx = None;
                match received {
                    Ok(mut socket) => {
                        for message in to_agent.drain(..) {
                            if socket.send(message).await.is_err() {
                                break;
                            }
                        }
                        agent = Some(socket);
                    }
                    Err(_) => {
                        client.close("The task's agent did not attach to the session.").await;
                        return;
                    }
                }
            }
            () = &mut attach_deadline, if agent.is_none() => {
                client.close("The task's agent did not attach to the session in time: is it connected?").await;
                return;
            }
            _ = resend.tick() => {
                if !client.resend_due().await {
                    if let Some(agent) = agent.as_mut() {
                        let _ = send_control(agent, ExecControl::Terminate).await;
                    }
                    return;
                }
            }
            message = client.socket.recv() => {
                let frame = match message {
                    Some(Ok(Message::Binary(frame))) => frame,
                    Some(Ok(Message::Text(_) | Message::Ping(_) | Message::Pong(_))) => continue,
                    Some(Ok(Message::Close(_))) | Some(Err(_)) | None => {
                        if let Some(agent) = agent.as_mut() {
                            let _ = send_control(agent, ExecControl::Terminate).await;
                        }
                        return;
                    }
                };
                let inputs = match client_message(&mut client, &frame).await {
                    Ok(inputs) => inputs,
                    Err(reason) => {
                        tracing::info!(session = %id, %reason, "exec client sent a bad message");
                        if let Some(agent) = agent.as_mut() {
                            let _ = send_control(agent, ExecControl::Terminate).await;
                        }
                        client.close(&reason).await;
                        return;
                    }
                };
                for input in inputs {
                    let message = match input {
                        ClientInput::HandshakeDone => {
                            if !handshake_done {
                                handshake_done = true;
                                let complete = HandshakeComplete {
                                    handshake_time_to_complete: started.elapsed().as_nanos() as u64,
                                    customer_message: String::new(),
                                };
                                let payload = serde_json::to_vec(&complete).unwrap_or_default();
                                client.send_stream(PayloadType::HandshakeComplete, payload).await;
                            }
                            continue;
                        }
                        ClientInput::Terminate => {
                            if let Some(agent) = agent.as_mut() {
                                let _ = send_control(agent, ExecControl::Terminate).await;
                            }
                            client.close("").await;
                            return;
                        }
                        ClientInput::Stdin(bytes) => Message::Binary(bytes.into()),
                        ClientInput::Resize(size) => control_message(ExecControl::Resize {
                            cols: size.cols.min(u16::MAX as u32) as u16,
                            rows: size.rows.min(u16::MAX as u32) as u16,
                        }),
                    };
                    match agent.as_mut() {
                        Some(agent) => {
                            let _ = agent.send(message).await;
                        }
                        None => {
                            early_bytes += match &message {
                                Message::Binary(b) => b.len(),
                                _ => 64,
                            };
                            if early_bytes > MAX_EARLY_INPUT {
                                client.close("Too much input before the command started.").await;
                                return;
                            }
                            to_agent.push(message);
                        }
                    }
                }
            }
            message = async { agent.as_mut().expect("checked").recv().await }, if read_agent => {
                match message {
                    Some(Ok(Message::Binary(frame))) => {
                        let Some((&stream, bytes)) = frame.split_first() else { continue };
                        let kind = if stream == EXEC_STDERR && !interactive {
                            PayloadType::StdErr
                        } else if stream == EXEC_STDOUT || stream == EXEC_STDERR {
                            PayloadType::Output
                        } else {
                            continue;
                        };
                        for chunk in bytes.chunks(ssm_channel::MAX_PAYLOAD / 4) {
                            if !client.send_stream(kind, chunk.to_vec()).await {
                                if let Some(agent) = agent.as_mut() {
                                    let _ = send_control(agent, ExecControl::Terminate).await;
                                }
                                return;
                            }
                        }
                    }
                    Some(Ok(Message::Text(text))) => match serde_json::from_str::<ExecEvent>(text.as_str()) {
                        Ok(ExecEvent::Started) => {}
                        Ok(ExecEvent::Exited { exit_code }) => {
                            client
                                .send_stream(PayloadType::ExitCode, exit_code.to_string().into_bytes())
                                .await;
                            client.close("").await;
                            return;
                        }
                        Ok(ExecEvent::Failed { message }) => {
                            client.close(&message).await;
                            return;
                        }
                        Err(e) => tracing::warn!(session = %id, error = %e, "unreadable exec event from agent"),
                    },
                    Some(Ok(_)) => {}
                    Some(Err(_)) | None => {
                        client.close("The connection to the task's agent was lost.").await;
                        return;
                    }
                }
            }
        }
    }
}

fn control_message(control: ExecControl) -> Message {
    Message::Text(serde_json::to_string(&control).unwrap_or_default().into())
}

async fn send_control(agent: &mut WebSocket, control: ExecControl) -> Result<(), axum::Error> {
    agent.send(control_message(control)).await
}

/// Handles one binary frame from the client: acknowledges stream data, keeps it in
/// sequence, and says what it asks for.
async fn client_message(
    client: &mut ClientChannel,
    frame: &[u8],
) -> Result<Vec<ClientInput>, String> {
    let message =
        AgentMessage::decode_unverified(frame).map_err(|e| format!("Malformed message: {e}"))?;
    match message.message_type.as_str() {
        message_type::ACKNOWLEDGE => {
            if let Ok(ack) = serde_json::from_slice::<ssm_channel::Acknowledge>(&message.payload) {
                let seq = ack.acknowledged_message_sequence_number;
                client.unacked.retain(|(s, ..)| *s != seq);
            }
            Ok(Vec::new())
        }
        message_type::INPUT_STREAM_DATA => {
            client.send_raw(message.acknowledgement().encode()).await;
            let seq = message.sequence_number;
            if seq < client.expected_in {
                return Ok(Vec::new()); // a resend of what was handled
            }
            if seq > client.expected_in {
                if client.early_input.len() >= MAX_BUFFERED_INPUT {
                    return Err("Too many messages out of sequence.".into());
                }
                client.early_input.insert(seq, message);
                return Ok(Vec::new());
            }
            let mut inputs = Vec::new();
            let mut next = Some(message);
            while let Some(message) = next {
                client.expected_in += 1;
                inputs.extend(input_of(&message)?);
                next = client.early_input.remove(&client.expected_in);
            }
            Ok(inputs)
        }
        message_type::CHANNEL_CLOSED => Ok(vec![ClientInput::Terminate]),
        // start/pause_publication and anything newer: nothing to do.
        _ => Ok(Vec::new()),
    }
}

fn input_of(message: &AgentMessage) -> Result<Option<ClientInput>, String> {
    Ok(match message.kind() {
        Some(PayloadType::Output) => Some(ClientInput::Stdin(message.payload.clone())),
        Some(PayloadType::Size) => {
            let size: TerminalSize = serde_json::from_slice(&message.payload)
                .map_err(|e| format!("A Size payload must be {{\"cols\",\"rows\"}}: {e}"))?;
            Some(ClientInput::Resize(size))
        }
        Some(PayloadType::HandshakeResponse) => Some(ClientInput::HandshakeDone),
        Some(PayloadType::Flag) => {
            let value = message
                .payload
                .get(..4)
                .and_then(|b| b.try_into().ok())
                .map(u32::from_be_bytes);
            (value == Some(flag::TERMINATE_SESSION)).then_some(ClientInput::Terminate)
        }
        _ => None,
    })
}
