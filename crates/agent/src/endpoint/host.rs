//! Host setup for the endpoint: the listen address (ECS's `169.254.170.2`) is put on the
//! loopback interface as a /32 (/128), over netlink.
//!
//! Why an address on `lo`, not ECS's DNAT of `169.254.170.2:80` to `127.0.0.1:51679`:
//! a local address is delivered locally whatever interface a packet arrives on, so
//! containers on every Docker bridge (both daemons of a host), host-mode containers and,
//! later, tasks' own network namespaces routed to the host all reach it with no NAT rule
//! per bridge and no `route_localnet`; the connection keeps the container's own source
//! address, which is how the endpoint tells callers apart. `lo` always exists (a dummy
//! interface needs the `dummy` kernel module, missing in many containers and minimal
//! kernels).
//!
//! It is idempotent: an address already there is left as is, and it is never removed,
//! since other agents on the host (tests run many) may serve on other ports of it.

use std::io;
use std::net::IpAddr;

use futures::TryStreamExt;

/// The address could not be put on the host.
#[derive(Debug, thiserror::Error)]
pub(crate) enum HostSetupError {
    #[error(
        "adding {address} to the loopback interface needs CAP_NET_ADMIN (run the agent as \
         root): {source}"
    )]
    NotPermitted {
        address: IpAddr,
        #[source]
        source: io::Error,
    },
    #[error("cannot add {address} to the loopback interface: {message}")]
    Failed { address: IpAddr, message: String },
}

/// Puts `address` on `lo` unless it is there already.
pub(crate) async fn ensure_local_address(address: IpAddr) -> Result<(), HostSetupError> {
    let failed = |message: String| HostSetupError::Failed { address, message };
    let (connection, handle, _) = rtnetlink::new_connection().map_err(|e| failed(e.to_string()))?;
    let connection = tokio::spawn(connection);
    let result = async {
        let lo = handle
            .link()
            .get()
            .match_name("lo".to_owned())
            .execute()
            .try_next()
            .await
            .map_err(|e| failed(e.to_string()))?
            .ok_or_else(|| failed("the host has no loopback interface".into()))?;
        let prefix = if address.is_ipv4() { 32 } else { 128 };
        match handle
            .address()
            .add(lo.header.index, address, prefix)
            .execute()
            .await
        {
            Ok(()) => {
                tracing::info!(%address, "added the task endpoint's address to the loopback interface");
                Ok(())
            }
            Err(rtnetlink::Error::NetlinkError(message)) => {
                let error = message.to_io();
                match error.kind() {
                    io::ErrorKind::AlreadyExists => Ok(()),
                    io::ErrorKind::PermissionDenied => Err(HostSetupError::NotPermitted {
                        address,
                        source: error,
                    }),
                    _ => Err(failed(error.to_string())),
                }
            }
            Err(e) => Err(failed(e.to_string())),
        }
    }
    .await;
    connection.abort();
    result
}
