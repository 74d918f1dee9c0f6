//! The Session Manager data channel: the framing that AWS's session-manager-plugin and
//! the SSM agent speak over a session's WebSocket (`streamUrl`), and that berth's ECS Exec
//! speaks too, so that `aws ecs execute-command` (with the plugin), third-party clients and
//! `berth exec` all open the same sessions. Pure encoding and decoding, no I/O.
//!
//! A session's WebSocket carries, in order:
//!
//! 1. from the client, one text frame: [`OpenDataChannel`] (`MessageSchemaVersion`,
//!    `RequestId`, `TokenValue`, optionally `ClientId` and `ClientVersion`);
//! 2. then binary frames both ways, each one [`AgentMessage`]: a 116-byte header then a
//!    4-byte payload length and the payload.
//!
//! Header fields (big-endian): `HeaderLength` u32 (116), `MessageType` 32 bytes (ASCII,
//! padded), `SchemaVersion` u32, `CreatedDate` u64 epoch milliseconds, `SequenceNumber`
//! i64, `Flags` u64 (bit 0 SYN, bit 1 FIN), `MessageId` 16 bytes (a UUID whose two 8-byte
//! halves are swapped: least significant half first), `PayloadDigest` 32 bytes (SHA-256 of
//! the payload), `PayloadType` u32, then `PayloadLength` u32 and the payload.
//!
//! Each side numbers its `input_stream_data` / `output_stream_data` messages from 0 and
//! the other side answers each with an `acknowledge` message naming its type, id and
//! sequence number.

use sha2::{Digest, Sha256};

/// The header's length as written in the `HeaderLength` field: everything before the
/// payload length.
pub const HEADER_LENGTH: u32 = 116;
/// Where the payload starts.
const PAYLOAD_OFFSET: usize = HEADER_LENGTH as usize + 4;
/// The width of the `MessageType` field.
const MESSAGE_TYPE_LEN: usize = 32;
/// The largest payload berth accepts in one message (the plugin sends at most 1,024
/// bytes of input per message; output is split to this size).
pub const MAX_PAYLOAD: usize = 64 * 1024;

/// `MessageType` values.
pub mod message_type {
    pub const INPUT_STREAM_DATA: &str = "input_stream_data";
    pub const OUTPUT_STREAM_DATA: &str = "output_stream_data";
    pub const ACKNOWLEDGE: &str = "acknowledge";
    pub const CHANNEL_CLOSED: &str = "channel_closed";
    pub const START_PUBLICATION: &str = "start_publication";
    pub const PAUSE_PUBLICATION: &str = "pause_publication";
}

/// `PayloadType` values of stream data messages. Clients send their input as `Output`
/// (as the plugin does), terminal sizes as `Size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum PayloadType {
    Output = 1,
    Error = 2,
    Size = 3,
    Parameter = 4,
    HandshakeRequest = 5,
    HandshakeResponse = 6,
    HandshakeComplete = 7,
    EncChallengeRequest = 8,
    EncChallengeResponse = 9,
    Flag = 10,
    StdErr = 11,
    /// The command's exit code, as decimal ASCII (berth sends it before `channel_closed`).
    ExitCode = 12,
}

impl PayloadType {
    pub fn from_u32(value: u32) -> Option<Self> {
        use PayloadType::*;
        Some(match value {
            1 => Output,
            2 => Error,
            3 => Size,
            4 => Parameter,
            5 => HandshakeRequest,
            6 => HandshakeResponse,
            7 => HandshakeComplete,
            8 => EncChallengeRequest,
            9 => EncChallengeResponse,
            10 => Flag,
            11 => StdErr,
            12 => ExitCode,
            _ => return None,
        })
    }
}

/// `Flag` payloads (a big-endian u32): what the client asks of the session.
pub mod flag {
    pub const DISCONNECT_TO_PORT: u32 = 1;
    pub const TERMINATE_SESSION: u32 = 2;
    pub const CONNECT_TO_PORT_ERROR: u32 = 3;
}

/// The client's first, text, frame.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct OpenDataChannel {
    pub message_schema_version: String,
    pub request_id: String,
    pub token_value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// The plugin's version. Clients that send one do the handshake (the plugin has done
    /// it since 2020); clients that do not (older or simpler ones) get data at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_version: Option<String>,
}

/// One framed message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentMessage {
    pub message_type: String,
    pub schema_version: u32,
    pub created_date: u64,
    pub sequence_number: i64,
    pub flags: u64,
    pub message_id: uuid::Uuid,
    pub payload_type: u32,
    pub payload: Vec<u8>,
}

/// Why a frame is not a valid message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    #[error("the message is {0} bytes, shorter than the {PAYLOAD_OFFSET}-byte header")]
    Short(usize),
    #[error("HeaderLength is {0}, not {HEADER_LENGTH}")]
    HeaderLength(u32),
    #[error("PayloadLength is {declared} but {actual} bytes follow the header")]
    PayloadLength { declared: u32, actual: usize },
    #[error("the payload is {0} bytes; at most {MAX_PAYLOAD} are accepted")]
    TooLarge(usize),
    #[error("MessageType is not ASCII text")]
    MessageType,
    #[error("PayloadDigest is not the SHA-256 of the payload")]
    Digest,
}

impl AgentMessage {
    /// A new message of `message_type` created now, with a fresh id.
    pub fn new(
        message_type: &str,
        sequence_number: i64,
        payload_type: PayloadType,
        payload: Vec<u8>,
    ) -> Self {
        let created_date = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(1);
        Self {
            message_type: message_type.to_owned(),
            schema_version: 1,
            created_date,
            sequence_number,
            flags: 0,
            message_id: uuid::Uuid::new_v4(),
            payload_type: payload_type as u32,
            payload,
        }
    }

    /// The acknowledgement of `self`.
    pub fn acknowledgement(&self) -> AgentMessage {
        let content = Acknowledge {
            acknowledged_message_type: self.message_type.clone(),
            acknowledged_message_id: self.message_id.to_string(),
            acknowledged_message_sequence_number: self.sequence_number,
            is_sequential_message: true,
        };
        let payload = serde_json::to_vec(&content).unwrap_or_default();
        // Acknowledgements are not stream data: they carry the acknowledged number and no
        // payload type of their own.
        AgentMessage {
            payload_type: 0,
            ..AgentMessage::new(
                message_type::ACKNOWLEDGE,
                self.sequence_number,
                PayloadType::Output,
                payload,
            )
        }
    }

    /// Encodes the message for a binary WebSocket frame.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(PAYLOAD_OFFSET + self.payload.len());
        out.extend_from_slice(&HEADER_LENGTH.to_be_bytes());
        let mut kind = [b' '; MESSAGE_TYPE_LEN];
        let name = self.message_type.as_bytes();
        let n = name.len().min(MESSAGE_TYPE_LEN);
        kind[..n].copy_from_slice(&name[..n]);
        out.extend_from_slice(&kind);
        out.extend_from_slice(&self.schema_version.to_be_bytes());
        out.extend_from_slice(&self.created_date.to_be_bytes());
        out.extend_from_slice(&self.sequence_number.to_be_bytes());
        out.extend_from_slice(&self.flags.to_be_bytes());
        let id = self.message_id.as_bytes();
        out.extend_from_slice(&id[8..16]);
        out.extend_from_slice(&id[0..8]);
        out.extend_from_slice(&Sha256::digest(&self.payload));
        out.extend_from_slice(&self.payload_type.to_be_bytes());
        out.extend_from_slice(&(self.payload.len() as u32).to_be_bytes());
        out.extend_from_slice(&self.payload);
        out
    }

    /// Decodes a binary frame and checks its `PayloadDigest` (the payload's SHA-256, raw as
    /// the plugin writes it, or the first 32 characters of its hex form).
    pub fn decode(frame: &[u8]) -> Result<AgentMessage, FrameError> {
        let message = Self::decode_unverified(frame)?;
        let digest = &frame[80..112];
        if !message.payload.is_empty() {
            let actual = Sha256::digest(&message.payload);
            let hex_prefix = hex_lower(&actual[..16]);
            if digest != actual.as_slice() && digest != hex_prefix.as_bytes() {
                return Err(FrameError::Digest);
            }
        }
        Ok(message)
    }

    /// Decodes a binary frame without checking its digest. The service end of a session
    /// reads clients' messages this way, as AWS's does: third-party clients (the npm
    /// `ssm-session` library, for one) send digests that are not the payload's SHA-256,
    /// and the WebSocket's TCP (or TLS) already guards the bytes. The message type may be
    /// padded with spaces or NULs on either side (clients differ).
    pub fn decode_unverified(frame: &[u8]) -> Result<AgentMessage, FrameError> {
        if frame.len() < PAYLOAD_OFFSET {
            return Err(FrameError::Short(frame.len()));
        }
        let u32_at = |at: usize| u32::from_be_bytes(frame[at..at + 4].try_into().unwrap_or([0; 4]));
        let u64_at = |at: usize| u64::from_be_bytes(frame[at..at + 8].try_into().unwrap_or([0; 8]));
        let header_length = u32_at(0);
        if header_length != HEADER_LENGTH {
            return Err(FrameError::HeaderLength(header_length));
        }
        let kind = std::str::from_utf8(&frame[4..36]).map_err(|_| FrameError::MessageType)?;
        let message_type = kind
            .trim_matches(|c: char| c == ' ' || c == '\0')
            .to_owned();
        if !message_type.is_ascii() {
            return Err(FrameError::MessageType);
        }
        let declared = u32_at(116);
        let payload = &frame[PAYLOAD_OFFSET..];
        if payload.len() > MAX_PAYLOAD {
            return Err(FrameError::TooLarge(payload.len()));
        }
        if declared as usize != payload.len() {
            return Err(FrameError::PayloadLength {
                declared,
                actual: payload.len(),
            });
        }
        let mut id = [0u8; 16];
        id[8..16].copy_from_slice(&frame[64..72]);
        id[0..8].copy_from_slice(&frame[72..80]);
        Ok(AgentMessage {
            message_type,
            schema_version: u32_at(36),
            created_date: u64_at(40),
            sequence_number: u64_at(48) as i64,
            flags: u64_at(56),
            message_id: uuid::Uuid::from_bytes(id),
            payload_type: u32_at(112),
            payload: payload.to_vec(),
        })
    }

    /// The payload type, if it is one of the known ones.
    pub fn kind(&self) -> Option<PayloadType> {
        PayloadType::from_u32(self.payload_type)
    }
}

fn hex_lower(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The payload of an `acknowledge` message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Acknowledge {
    #[serde(rename = "AcknowledgedMessageType")]
    pub acknowledged_message_type: String,
    #[serde(rename = "AcknowledgedMessageId")]
    pub acknowledged_message_id: String,
    #[serde(rename = "AcknowledgedMessageSequenceNumber")]
    pub acknowledged_message_sequence_number: i64,
    #[serde(rename = "IsSequentialMessage", default)]
    pub is_sequential_message: bool,
}

/// The payload of a `channel_closed` message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ChannelClosed {
    pub message_id: String,
    pub created_date: String,
    pub destination_id: String,
    pub session_id: String,
    pub message_type: String,
    pub schema_version: u32,
    pub output: String,
}

/// A `Size` payload: the client's terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TerminalSize {
    pub cols: u32,
    pub rows: u32,
}

/// The `HandshakeRequest` payload the session's target sends first.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HandshakeRequest {
    pub agent_version: String,
    pub requested_client_actions: Vec<RequestedClientAction>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RequestedClientAction {
    pub action_type: String,
    pub action_parameters: serde_json::Value,
}

/// The client's `HandshakeResponse` payload.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HandshakeResponse {
    #[serde(default)]
    pub client_version: String,
    #[serde(default)]
    pub processed_client_actions: Vec<serde_json::Value>,
    #[serde(default)]
    pub errors: Vec<String>,
}

/// The `HandshakeComplete` payload.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HandshakeComplete {
    /// Nanoseconds, as Go's `time.Duration` serializes.
    pub handshake_time_to_complete: u64,
    pub customer_message: String,
}

/// The session type berth's sessions run: a byte stream both ways (a shell, or a command).
pub const STANDARD_STREAM: &str = "Standard_Stream";

impl HandshakeRequest {
    /// The request berth sends: the session is a `Standard_Stream`.
    pub fn standard_stream(agent_version: &str) -> Self {
        HandshakeRequest {
            agent_version: agent_version.to_owned(),
            requested_client_actions: vec![RequestedClientAction {
                action_type: "SessionType".to_owned(),
                action_parameters: serde_json::json!({
                    "SessionType": STANDARD_STREAM,
                    "Properties": null,
                }),
            }],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_round_trips_with_the_documented_layout() {
        let message = AgentMessage::new(
            message_type::OUTPUT_STREAM_DATA,
            7,
            PayloadType::Output,
            b"hello".to_vec(),
        );
        let frame = message.encode();
        assert_eq!(frame.len(), 120 + 5);
        assert_eq!(&frame[0..4], &116u32.to_be_bytes());
        assert_eq!(&frame[4..22], b"output_stream_data");
        assert!(frame[22..36].iter().all(|b| *b == b' '));
        assert_eq!(&frame[48..56], &7i64.to_be_bytes());
        // The message id's halves are swapped on the wire.
        assert_eq!(&frame[64..72], &message.message_id.as_bytes()[8..16]);
        assert_eq!(&frame[80..112], Sha256::digest(b"hello").as_slice());
        assert_eq!(&frame[112..116], &1u32.to_be_bytes());
        assert_eq!(&frame[116..120], &5u32.to_be_bytes());
        assert_eq!(AgentMessage::decode(&frame).unwrap(), message);
    }

    #[test]
    fn a_bad_frame_is_refused_with_the_reason() {
        let frame =
            AgentMessage::new("input_stream_data", 0, PayloadType::Output, b"x".to_vec()).encode();
        assert_eq!(
            AgentMessage::decode(&frame[..50]),
            Err(FrameError::Short(50))
        );
        let mut wrong_digest = frame.clone();
        wrong_digest[90] ^= 1;
        assert_eq!(AgentMessage::decode(&wrong_digest), Err(FrameError::Digest));
        assert!(AgentMessage::decode_unverified(&wrong_digest).is_ok());
        let mut extra = frame.clone();
        extra.push(0);
        assert!(matches!(
            AgentMessage::decode(&extra),
            Err(FrameError::PayloadLength { .. })
        ));
        let mut header = frame;
        header[3] = 100;
        assert_eq!(
            AgentMessage::decode(&header),
            Err(FrameError::HeaderLength(100))
        );
    }

    #[test]
    fn left_nul_padding_and_hex_digests_of_other_clients_are_read() {
        let mut frame = AgentMessage::new("", 1, PayloadType::Output, b"ls\n".to_vec()).encode();
        let name = b"input_stream_data";
        frame[4..36].fill(0);
        frame[36 - name.len()..36].copy_from_slice(name);
        let hex = hex_lower(&Sha256::digest(b"ls\n")[..16]);
        frame[80..112].copy_from_slice(hex.as_bytes());
        let decoded = AgentMessage::decode(&frame).unwrap();
        assert_eq!(decoded.message_type, "input_stream_data");
        assert_eq!(decoded.payload, b"ls\n");
    }

    #[test]
    fn an_acknowledgement_names_the_message() {
        let message =
            AgentMessage::new("output_stream_data", 3, PayloadType::Output, b"a".to_vec());
        let ack = message.acknowledgement();
        assert_eq!(ack.message_type, "acknowledge");
        let content: Acknowledge = serde_json::from_slice(&ack.payload).unwrap();
        assert_eq!(content.acknowledged_message_sequence_number, 3);
        assert_eq!(
            content.acknowledged_message_id,
            message.message_id.to_string()
        );
        assert_eq!(content.acknowledged_message_type, "output_stream_data");
    }
}
