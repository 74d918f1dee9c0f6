//! Container port ranges (`portMappings[].containerPortRange`) in bridge mode.
//!
//! As ECS's agent does, a range of container ports is published on a *contiguous* range
//! of free host ports of the same length, taken from the host's dynamic port range
//! (`/proc/sys/net/ipv4/ip_local_port_range`). Free means that binding every port of the
//! candidate range succeeds now; a cursor moves past each range handed out, so two tasks
//! starting together are not given the same range before Docker binds it.
//!
//! The task then reports one network binding per range and bind address, with
//! `containerPortRange` and `hostPortRange` instead of single ports, as ECS does.

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, TcpListener, UdpSocket};
use std::sync::Mutex;

use berth_api::ecs::{ContainerDefinition, NetworkBinding, TransportProtocol};

/// ECS's fallback when the kernel's range cannot be read.
const FALLBACK_RANGE: (u16, u16) = (49153, 65535);

/// Parses `"first-last"` (as the task definition and ECS's reports write ranges).
pub fn parse_range(text: &str) -> Option<(u16, u16)> {
    let (lo, hi) = text.split_once('-')?;
    let lo: u16 = lo.trim().parse().ok()?;
    let hi: u16 = hi.trim().parse().ok()?;
    (lo >= 1 && lo <= hi).then_some((lo, hi))
}

fn format_range((lo, hi): (u16, u16)) -> String {
    format!("{lo}-{hi}")
}

/// The host's allocator, shared by every agent in the process (one host, one port space).
pub fn host_port_ranges() -> &'static HostPortRanges {
    static RANGES: std::sync::OnceLock<HostPortRanges> = std::sync::OnceLock::new();
    RANGES.get_or_init(HostPortRanges::from_host)
}

/// Hands out contiguous free host port ranges.
#[derive(Debug)]
pub struct HostPortRanges {
    range: (u16, u16),
    /// Where the next search starts.
    cursor: Mutex<u16>,
}

impl HostPortRanges {
    pub fn new(range: (u16, u16)) -> Self {
        Self {
            range,
            cursor: Mutex::new(range.0),
        }
    }

    /// The host's dynamic port range.
    pub fn from_host() -> Self {
        let range = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
            .ok()
            .and_then(|s| {
                let mut parts = s.split_whitespace().map(|p| p.parse::<u16>().ok());
                Some((parts.next()??, parts.next()??))
            })
            .filter(|(lo, hi)| lo <= hi)
            .unwrap_or(FALLBACK_RANGE);
        Self::new(range)
    }

    /// A free range of `count` consecutive host ports for `protocol`, or `None` if the
    /// dynamic range has no such run.
    pub fn allocate(&self, count: u16, protocol: TransportProtocol) -> Option<(u16, u16)> {
        let (lo, hi) = self.range;
        if count == 0 || u32::from(hi) - u32::from(lo) + 1 < u32::from(count) {
            return None;
        }
        let mut cursor = self.cursor.lock().unwrap_or_else(|p| p.into_inner());
        let span = u32::from(hi) - u32::from(lo) + 1;
        let mut start = u32::from((*cursor).clamp(lo, hi));
        let mut searched = 0u32;
        while searched < span {
            let end = start + u32::from(count) - 1;
            if end > u32::from(hi) {
                // Wrap: the run must fit below the top of the range.
                searched += u32::from(hi) + 1 - start;
                start = u32::from(lo);
                continue;
            }
            match (start..=end).find(|&p| !port_free(p as u16, protocol)) {
                None => {
                    let next = if end >= u32::from(hi) {
                        lo
                    } else {
                        (end + 1) as u16
                    };
                    *cursor = next;
                    return Some((start as u16, end as u16));
                }
                Some(taken) => {
                    searched += taken - start + 1;
                    start = taken + 1;
                    if start > u32::from(hi) {
                        start = u32::from(lo);
                    }
                }
            }
        }
        None
    }
}

/// Whether the port can be bound on every IPv4 address right now.
fn port_free(port: u16, protocol: TransportProtocol) -> bool {
    match protocol {
        TransportProtocol::Tcp => TcpListener::bind((Ipv4Addr::UNSPECIFIED, port)).is_ok(),
        TransportProtocol::Udp => UdpSocket::bind((Ipv4Addr::UNSPECIFIED, port)).is_ok(),
    }
}

/// Folds the single-port bindings the runtime reports into one binding per
/// `containerPortRange` mapping and bind address, with `hostPortRange` the lowest to the
/// highest host port used. Bindings outside any range are kept as they are.
pub fn collapse_ranges(
    def: Option<&ContainerDefinition>,
    bindings: Vec<NetworkBinding>,
) -> Vec<NetworkBinding> {
    let ranges: Vec<((u16, u16), TransportProtocol)> = def
        .iter()
        .flat_map(|d| d.port_mappings.iter().flatten())
        .filter_map(|pm| {
            let range = parse_range(pm.container_port_range.as_deref()?)?;
            Some((range, pm.protocol.unwrap_or(TransportProtocol::Tcp)))
        })
        .collect();
    if ranges.is_empty() {
        return bindings;
    }
    let mut out = Vec::new();
    // (range index, bind IP) -> (lowest, highest) host port.
    let mut folded: BTreeMap<(usize, Option<String>), (u16, u16)> = BTreeMap::new();
    for b in bindings {
        let protocol = b.protocol.unwrap_or(TransportProtocol::Tcp);
        let port = b.container_port.and_then(|p| u16::try_from(p).ok());
        let host = b.host_port.and_then(|p| u16::try_from(p).ok());
        let range = port.and_then(|p| {
            ranges
                .iter()
                .position(|((lo, hi), proto)| *proto == protocol && (*lo..=*hi).contains(&p))
        });
        match (range, host) {
            (Some(i), Some(host)) => {
                let entry = folded.entry((i, b.bind_ip.clone())).or_insert((host, host));
                entry.0 = entry.0.min(host);
                entry.1 = entry.1.max(host);
            }
            _ => out.push(b),
        }
    }
    for ((i, bind_ip), hosts) in folded {
        let (range, protocol) = ranges[i];
        out.push(NetworkBinding {
            bind_ip,
            protocol: Some(protocol),
            container_port_range: Some(format_range(range)),
            host_port_range: Some(format_range(hosts)),
            ..Default::default()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use berth_api::ecs::PortMapping;

    #[test]
    fn ranges_parse() {
        assert_eq!(parse_range("8000-8003"), Some((8000, 8003)));
        assert_eq!(parse_range(" 1 - 2 "), Some((1, 2)));
        assert_eq!(parse_range("9-8"), None);
        assert_eq!(parse_range("0-8"), None);
        assert_eq!(parse_range("80"), None);
        assert_eq!(parse_range("1-70000"), None);
    }

    #[test]
    fn allocation_is_contiguous_free_and_moves_on() {
        // A private stretch of ports, with one held in the middle.
        let held = TcpListener::bind((Ipv4Addr::UNSPECIFIED, 0)).expect("bind");
        let held_port = held.local_addr().expect("addr").port();
        let lo = held_port.saturating_sub(2).max(1024);
        let ranges = HostPortRanges::new((lo, held_port.saturating_add(10)));
        let (a, b) = ranges.allocate(3, TransportProtocol::Tcp).expect("a range");
        assert_eq!(b - a, 2);
        assert!(
            !(a..=b).contains(&held_port),
            "{a}-{b} includes {held_port}"
        );
        for p in a..=b {
            assert!(port_free(p, TransportProtocol::Tcp));
        }
        let (c, _) = ranges.allocate(3, TransportProtocol::Tcp).expect("another");
        assert!(c > b, "the cursor moves past the first range: {c} <= {b}");
        // A run longer than the whole range never fits.
        assert_eq!(ranges.allocate(200, TransportProtocol::Tcp), None);
        assert_eq!(ranges.allocate(0, TransportProtocol::Tcp), None);
    }

    #[test]
    fn bindings_fold_into_ranges_per_address() {
        let def = ContainerDefinition {
            port_mappings: Some(vec![
                PortMapping {
                    container_port_range: Some("8000-8002".into()),
                    ..Default::default()
                },
                PortMapping {
                    container_port: Some(80),
                    ..Default::default()
                },
            ]),
            ..Default::default()
        };
        let binding = |ip: &str, c: i32, h: i32| NetworkBinding {
            bind_ip: Some(ip.into()),
            container_port: Some(c),
            host_port: Some(h),
            protocol: Some(TransportProtocol::Tcp),
            ..Default::default()
        };
        let mut bindings = Vec::new();
        for (c, h) in [(8000, 40000), (8001, 40001), (8002, 40002)] {
            bindings.push(binding("0.0.0.0", c, h));
            bindings.push(binding("::", c, h));
        }
        bindings.push(binding("0.0.0.0", 80, 32768));
        let out = collapse_ranges(Some(&def), bindings);
        assert_eq!(out.len(), 3, "{out:?}");
        assert_eq!(out[0].container_port, Some(80));
        let v4 = out
            .iter()
            .find(|b| b.bind_ip.as_deref() == Some("0.0.0.0") && b.container_port.is_none())
            .expect("an IPv4 range binding");
        assert_eq!(v4.container_port_range.as_deref(), Some("8000-8002"));
        assert_eq!(v4.host_port_range.as_deref(), Some("40000-40002"));
        assert_eq!(v4.host_port, None);
    }
}
