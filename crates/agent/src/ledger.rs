//! The agent's local ledger in its data directory: who it is (`identity.json`), the
//! last desired state it accepted (`desired.json`), and small records other modules keep
//! there (the restart counts of `restartPolicy`, `restarts.json`).
//!
//! Each file is written atomically: write a temporary file, fsync it, rename it over the
//! old one, fsync the directory. A crash leaves either the old or the new version, never
//! a torn one. The agent loads both at start, so after a restart it acts on the last
//! accepted set until the server answers.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use berth_api::protocol::DesiredState;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

const IDENTITY: &str = "identity.json";
const DESIRED: &str = "desired.json";

/// Why the ledger could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("ledger I/O on {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("ledger file {path} is corrupt")]
    Corrupt {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
}

/// The agent's registration, as the server returned it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub container_instance_arn: String,
    pub cluster_arn: String,
    /// Cluster short name the agent registered in.
    pub cluster: String,
    pub server_url: String,
    /// The per-instance secret. The file is created readable by the owner only.
    pub credential: String,
}

/// The ledger directory.
#[derive(Debug, Clone)]
pub struct Ledger {
    dir: PathBuf,
}

impl Ledger {
    /// Opens (creating if needed) the ledger in `dir`.
    pub fn open(dir: &Path) -> Result<Self, LedgerError> {
        fs::create_dir_all(dir).map_err(|source| LedgerError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        Ok(Self {
            dir: dir.to_path_buf(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn load_identity(&self) -> Result<Option<Identity>, LedgerError> {
        self.load(IDENTITY)
    }

    pub fn save_identity(&self, identity: &Identity) -> Result<(), LedgerError> {
        self.save(IDENTITY, identity)
    }

    /// Forgets the identity (after the server rejected it).
    pub fn clear_identity(&self) -> Result<(), LedgerError> {
        let path = self.dir.join(IDENTITY);
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(LedgerError::Io { path, source }),
        }
    }

    pub fn load_desired(&self) -> Result<Option<DesiredState>, LedgerError> {
        self.load(DESIRED)
    }

    pub fn save_desired(&self, desired: &DesiredState) -> Result<(), LedgerError> {
        self.save(DESIRED, desired)
    }

    /// Loads another record kept in the ledger's directory; `None` if it was never saved.
    pub fn load_file<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, LedgerError> {
        self.load(name)
    }

    /// Saves another record in the ledger's directory, atomically.
    pub fn save_file<T: Serialize>(&self, name: &str, value: &T) -> Result<(), LedgerError> {
        self.save(name, value)
    }

    fn load<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, LedgerError> {
        let path = self.dir.join(name);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(LedgerError::Io { path, source }),
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|source| LedgerError::Corrupt { path, source })
    }

    fn save<T: Serialize>(&self, name: &str, value: &T) -> Result<(), LedgerError> {
        let path = self.dir.join(name);
        let tmp = self.dir.join(format!(".{name}.tmp"));
        let bytes = serde_json::to_vec_pretty(value).map_err(|source| LedgerError::Corrupt {
            path: path.clone(),
            source,
        })?;
        let io_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| LedgerError::Io { path, source }
        };
        let mut opts = OpenOptions::new();
        opts.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // The identity holds a secret.
            opts.mode(0o600);
        }
        let mut f = opts.open(&tmp).map_err(io_err(&tmp))?;
        f.write_all(&bytes).map_err(io_err(&tmp))?;
        f.sync_all().map_err(io_err(&tmp))?;
        drop(f);
        fs::rename(&tmp, &path).map_err(io_err(&path))?;
        // Make the rename itself durable.
        File::open(&self.dir)
            .and_then(|d| d.sync_all())
            .map_err(io_err(&self.dir))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corruption() {
        let dir = tempfile::tempdir().expect("tempdir");
        let l = Ledger::open(dir.path()).expect("open");
        assert_eq!(l.load_identity().expect("load"), None);
        let id = Identity {
            container_instance_arn: "i".into(),
            cluster_arn: "c".into(),
            cluster: "default".into(),
            server_url: "http://x".into(),
            credential: "secret".into(),
        };
        l.save_identity(&id).expect("save");
        assert_eq!(l.load_identity().expect("load"), Some(id));
        let d = DesiredState {
            generation: 4,
            tasks: vec![],
            task_arns: None,
        };
        l.save_desired(&d).expect("save");
        assert_eq!(l.load_desired().expect("load"), Some(d));
        fs::write(dir.path().join(DESIRED), b"{not json").expect("write");
        assert!(matches!(l.load_desired(), Err(LedgerError::Corrupt { .. })));
        l.clear_identity().expect("clear");
        assert_eq!(l.load_identity().expect("load"), None);
    }
}
