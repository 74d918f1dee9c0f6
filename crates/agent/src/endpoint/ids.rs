//! The endpoint's IDs, which stand in the URIs a container is given
//! (`/v4/<container ID>`, `/v2/credentials/<credentials ID>`), and what the agent keeps
//! for them in its data directory (`endpoint.json`, owner-only).
//!
//! An ID is an HMAC-SHA256, keyed with 32 random bytes kept in `endpoint.json`, of the
//! task ARN and (for a container) the container name, shaped as a UUID as ECS's are. So
//! it is unguessable without the key (128 bits), and the same after an agent restart or
//! `kill -9`: the running containers' environment variables keep naming the endpoint's
//! IDs without the agent storing one per task. Losing the file changes every ID (the
//! agent then serves running containers under IDs their environment does not hold); the
//! file lives beside the agent's identity, whose loss re-registers the instance anyway.

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::ledger::{Ledger, LedgerError};

/// The file in the agent's data directory.
const FILE: &str = "endpoint.json";

/// What the agent keeps for its endpoint.
#[derive(Clone, Serialize, Deserialize)]
struct EndpointRecord {
    /// The HMAC key, hex.
    id_key: String,
    /// The port picked when the configuration asks for any free one, reused after a
    /// restart so that running containers' URIs stay valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    port: Option<u16>,
}

/// The key IDs are derived with, and the stored port.
#[derive(Clone)]
pub(crate) struct EndpointIds {
    key: [u8; 32],
    port: Option<u16>,
    ledger: Option<Ledger>,
}

impl std::fmt::Debug for EndpointIds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EndpointIds")
            .field("port", &self.port)
            .finish_non_exhaustive()
    }
}

/// The record could not be read or written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum IdsError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error("{FILE} holds a key that is not 32 bytes of hex")]
    BadKey,
}

impl EndpointIds {
    /// Loads the key from the ledger's directory, or makes and saves a new one.
    pub(crate) fn load_or_create(ledger: &Ledger) -> Result<Self, IdsError> {
        if let Some(record) = ledger.load_file::<EndpointRecord>(FILE)? {
            let key = hex::decode(&record.id_key)
                .ok()
                .and_then(|k| <[u8; 32]>::try_from(k).ok())
                .ok_or(IdsError::BadKey)?;
            return Ok(Self {
                key,
                port: record.port,
                ledger: Some(ledger.clone()),
            });
        }
        let ids = Self {
            key: rand::random(),
            port: None,
            ledger: Some(ledger.clone()),
        };
        ids.save()?;
        Ok(ids)
    }

    /// Keys held in memory only (tests, and an agent whose data directory refuses it).
    pub(crate) fn ephemeral() -> Self {
        Self {
            key: rand::random(),
            port: None,
            ledger: None,
        }
    }

    /// The port picked for "any free port" by an earlier run.
    pub(crate) fn stored_port(&self) -> Option<u16> {
        self.port
    }

    /// Records the port picked for "any free port".
    pub(crate) fn store_port(&mut self, port: u16) -> Result<(), IdsError> {
        if self.port != Some(port) {
            self.port = Some(port);
            self.save()?;
        }
        Ok(())
    }

    fn save(&self) -> Result<(), IdsError> {
        if let Some(ledger) = &self.ledger {
            ledger.save_file(
                FILE,
                &EndpointRecord {
                    id_key: hex::encode(self.key),
                    port: self.port,
                },
            )?;
        }
        Ok(())
    }

    /// The ID in container `container`'s metadata URIs (v3 and v4 alike, as in ECS).
    pub(crate) fn container_id(&self, task_arn: &str, container: &str) -> String {
        self.derive(&["container", task_arn, container])
    }

    /// The ID in the task's credentials URI, shared by its containers.
    pub(crate) fn credentials_id(&self, task_arn: &str) -> String {
        self.derive(&["credentials", task_arn])
    }

    fn derive(&self, parts: &[&str]) -> String {
        // Infallible: HMAC takes a key of any length.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
        for part in parts {
            // Length-prefixed, so that no two lists of parts feed the same bytes.
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part.as_bytes());
        }
        let digest = mac.finalize().into_bytes();
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_per_key_distinct_per_thing_and_survive_a_reload() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ledger = Ledger::open(dir.path()).expect("ledger");
        let mut ids = EndpointIds::load_or_create(&ledger).expect("created");
        let a = ids.container_id("arn:task/1", "web");
        assert_eq!(a, ids.container_id("arn:task/1", "web"));
        assert_ne!(a, ids.container_id("arn:task/1", "sidecar"));
        assert_ne!(a, ids.container_id("arn:task/2", "web"));
        assert_ne!(
            ids.credentials_id("arn:task/1"),
            ids.credentials_id("arn:task/2")
        );
        // Parts are length-prefixed: moving a boundary changes the ID.
        assert_ne!(
            ids.container_id("arn:task/1w", "eb"),
            ids.container_id("arn:task/1", "web")
        );
        assert!(uuid::Uuid::parse_str(&a).is_ok(), "{a} is shaped as a UUID");
        ids.store_port(4242).expect("stored");

        let reloaded = EndpointIds::load_or_create(&ledger).expect("loaded");
        assert_eq!(reloaded.container_id("arn:task/1", "web"), a);
        assert_eq!(reloaded.stored_port(), Some(4242));
        let other = EndpointIds::ephemeral();
        assert_ne!(other.container_id("arn:task/1", "web"), a, "another key");

        std::fs::write(dir.path().join(FILE), r#"{"id_key":"abcd"}"#).expect("write");
        assert!(matches!(
            EndpointIds::load_or_create(&ledger),
            Err(IdsError::BadKey)
        ));
    }
}
