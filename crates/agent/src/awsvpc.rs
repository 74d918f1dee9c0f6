//! awsvpc task networking on the host: the Docker network of the host's subnet slice and
//! the ingress rules of a task's security groups.
//!
//! Each awsvpc task's pause container is attached to the Docker bridge network of the
//! host's slice (`berth-<subnet>-<slice index>`: the slice as its subnet, the slice's
//! first address as its gateway, no masquerading so that other slices see the task's
//! own address), with the address the server allocated; the task's containers join the
//! pause container's network namespace (`container:<pause>`). Docker creates and deletes
//! the veth with the pause container, so the namespace and the veth go exactly when the
//! pause container stops.
//!
//! Ingress is enforced in the `filter` table: Docker's `DOCKER-USER` chain (which
//! `FORWARD` consults before Docker's own rules) jumps to `BERTH-SG`, which sends
//! traffic for each task address to the task's chain `BERTH-<eni id>`: replies to what
//! the task sent pass, then each security group rule, then everything else is dropped.
//! A task's chain is installed before its pause container starts and removed once it has
//! stopped. Accepting here also lets traffic between slices (and the two dockerds of the
//! tests) past Docker's network isolation chains. Traffic the host itself sends to a task
//! (`OUTPUT`) is not filtered.

use std::net::Ipv4Addr;

use berth_api::protocol::{IngressRule, TaskNetwork};

/// The chain `DOCKER-USER` jumps to, which dispatches on task addresses.
pub const SG_CHAIN: &str = "BERTH-SG";
/// Docker's chain for user rules, consulted first by `FORWARD`.
const DOCKER_USER: &str = "DOCKER-USER";

/// The Docker network of the host's slice the task's address is in.
pub fn network_name(network: &TaskNetwork) -> String {
    format!("berth-{}-{}", network.subnet_id, network.slice_index)
}

/// The task's own chain (at most 28 characters: `BERTH-` and the 21 of `eni-…`).
pub fn task_chain(network: &TaskNetwork) -> String {
    format!("BERTH-{}", network.eni_id)
}

/// Why a network step failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FirewallError {
    #[error("the task network is invalid: {0}")]
    Invalid(String),
    #[error("iptables failed: {0}")]
    Iptables(String),
}

/// The `iptables-restore --noflush` input that (re)builds a task's chain: declaring the
/// chain creates or empties it, and `with_jump` adds the dispatch from [`SG_CHAIN`].
pub fn task_rules(network: &TaskNetwork, with_jump: bool) -> Result<String, FirewallError> {
    let address: Ipv4Addr = network
        .address
        .parse()
        .map_err(|_| FirewallError::Invalid(format!("address '{}'", network.address)))?;
    let chain = task_chain(network);
    let mut out = format!("*filter\n:{chain} - [0:0]\n");
    out.push_str(&format!(
        "-A {chain} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n"
    ));
    for rule in &network.ingress {
        out.push_str(&rule_line(&chain, rule)?);
    }
    out.push_str(&format!("-A {chain} -j DROP\n"));
    if with_jump {
        out.push_str(&format!("-A {SG_CHAIN} -d {address}/32 -j {chain}\n"));
    }
    out.push_str("COMMIT\n");
    Ok(out)
}

/// One security group rule as an `iptables` rule of the task's chain.
fn rule_line(chain: &str, rule: &IngressRule) -> Result<String, FirewallError> {
    let source: ipnet::Ipv4Net = rule
        .cidr
        .parse()
        .map_err(|_| FirewallError::Invalid(format!("source CIDR '{}'", rule.cidr)))?;
    Ok(match rule.protocol.as_str() {
        "-1" => format!("-A {chain} -s {source} -j ACCEPT\n"),
        "icmp" => format!("-A {chain} -p icmp -s {source} -j ACCEPT\n"),
        "tcp" | "udp" => format!(
            "-A {chain} -p {p} -s {source} -m {p} --dport {}:{} -j ACCEPT\n",
            rule.from_port,
            rule.to_port,
            p = rule.protocol
        ),
        other => return Err(FirewallError::Invalid(format!("protocol '{other}'"))),
    })
}

/// Runs `iptables -w ARGS`; true when it exits 0.
async fn iptables(args: &[&str]) -> Result<bool, FirewallError> {
    let out = tokio::process::Command::new("iptables")
        .arg("-w")
        .args(args)
        .output()
        .await
        .map_err(|e| FirewallError::Iptables(format!("running iptables: {e}")))?;
    Ok(out.status.success())
}

/// Runs `iptables-restore --noflush` with `input`.
async fn restore(input: &str) -> Result<(), FirewallError> {
    use tokio::io::AsyncWriteExt;
    let mut child = tokio::process::Command::new("iptables-restore")
        .args(["-w", "--noflush"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| FirewallError::Iptables(format!("running iptables-restore: {e}")))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(input.as_bytes())
            .await
            .map_err(|e| FirewallError::Iptables(e.to_string()))?;
    }
    let out = child
        .wait_with_output()
        .await
        .map_err(|e| FirewallError::Iptables(e.to_string()))?;
    if !out.status.success() {
        return Err(FirewallError::Iptables(format!(
            "iptables-restore: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(())
}

/// Makes sure `FORWARD` consults `DOCKER-USER` and `DOCKER-USER` jumps to [`SG_CHAIN`]
/// first, and that bridged traffic passes through iptables (so that two tasks on one
/// bridge are filtered too). Idempotent.
pub async fn ensure_base() -> Result<(), FirewallError> {
    for chain in [DOCKER_USER, SG_CHAIN] {
        if !iptables(&["-S", chain]).await? && !iptables(&["-N", chain]).await? {
            return Err(FirewallError::Iptables(format!(
                "cannot create chain {chain}"
            )));
        }
    }
    if !iptables(&["-C", "FORWARD", "-j", DOCKER_USER]).await?
        && !iptables(&["-I", "FORWARD", "1", "-j", DOCKER_USER]).await?
    {
        return Err(FirewallError::Iptables(
            "cannot make FORWARD jump to DOCKER-USER".into(),
        ));
    }
    if !iptables(&["-C", DOCKER_USER, "-j", SG_CHAIN]).await?
        && !iptables(&["-I", DOCKER_USER, "1", "-j", SG_CHAIN]).await?
    {
        return Err(FirewallError::Iptables(format!(
            "cannot make {DOCKER_USER} jump to {SG_CHAIN}"
        )));
    }
    let bridged = "/proc/sys/net/bridge/bridge-nf-call-iptables";
    if std::fs::read_to_string(bridged).is_ok_and(|v| v.trim() != "1") {
        if let Err(e) = std::fs::write(bridged, "1") {
            tracing::warn!(error = %e, "cannot make bridged traffic pass iptables: tasks on one bridge are not filtered");
        }
    }
    Ok(())
}

/// Installs (or rebuilds) the task's ingress chain and its dispatch. Idempotent.
pub async fn apply_ingress(network: &TaskNetwork) -> Result<(), FirewallError> {
    let chain = task_chain(network);
    let destination = format!("{}/32", network.address);
    let jumped = iptables(&["-C", SG_CHAIN, "-d", &destination, "-j", &chain]).await?;
    restore(&task_rules(network, !jumped)?).await
}

/// Removes the task's chain and its dispatch; a missing one is fine.
pub async fn remove_ingress(network: &TaskNetwork) -> Result<(), FirewallError> {
    let chain = task_chain(network);
    let destination = format!("{}/32", network.address);
    while iptables(&["-D", SG_CHAIN, "-d", &destination, "-j", &chain]).await? {}
    if iptables(&["-S", &chain]).await? {
        iptables(&["-F", &chain]).await?;
        if !iptables(&["-X", &chain]).await? {
            return Err(FirewallError::Iptables(format!(
                "cannot delete chain {chain}"
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn network() -> TaskNetwork {
        TaskNetwork {
            attachment_id: "a".into(),
            eni_id: "eni-0123456789abcdef0".into(),
            subnet_id: "subnet-0123456789abcdef0".into(),
            subnet_cidr: "10.100.0.0/16".into(),
            slice_cidr: "10.100.1.0/24".into(),
            slice_index: 1,
            gateway: "10.100.1.1".into(),
            address: "10.100.1.7".into(),
            mac_address: "02:42:0a:64:01:07".into(),
            security_groups: vec!["sg-0123456789abcdef0".into()],
            ingress: vec![
                IngressRule {
                    protocol: "tcp".into(),
                    from_port: 80,
                    to_port: 80,
                    cidr: "0.0.0.0/0".into(),
                },
                IngressRule {
                    protocol: "-1".into(),
                    from_port: 0,
                    to_port: 0,
                    cidr: "10.0.0.0/8".into(),
                },
            ],
        }
    }

    #[test]
    fn rules_admit_replies_and_the_groups_then_drop() {
        let rules = task_rules(&network(), true).expect("rules");
        let chain = "BERTH-eni-0123456789abcdef0";
        assert!(chain.len() <= 28);
        assert_eq!(
            rules,
            format!(
                "*filter\n:{chain} - [0:0]\n\
                 -A {chain} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n\
                 -A {chain} -p tcp -s 0.0.0.0/0 -m tcp --dport 80:80 -j ACCEPT\n\
                 -A {chain} -s 10.0.0.0/8 -j ACCEPT\n\
                 -A {chain} -j DROP\n\
                 -A BERTH-SG -d 10.100.1.7/32 -j {chain}\n\
                 COMMIT\n"
            )
        );
        assert!(!task_rules(&network(), false)
            .expect("rules")
            .contains("BERTH-SG"));
        let mut bad = network();
        bad.address = "10.100.1.7; rm".into();
        assert!(task_rules(&bad, true).is_err());
    }
}
