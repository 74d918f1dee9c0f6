//! Placement strategies (`binpack`, `spread`, `random`) and their parsing from
//! ECS's `{type, field}` pairs.
//!
//! Strategies form a chain: each one narrows the candidates to those it likes
//! best, ties go to the next one, and a seeded random pick breaks what is left.

use std::fmt;

use berth_api::ecs::PlacementStrategy;

use crate::error::ScheduleError;

/// The resource `binpack` packs by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinpackField {
    Cpu,
    Memory,
}

/// What `spread` balances tasks over.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SpreadField {
    /// `instanceId` (or its alias `host`): one bucket per instance.
    InstanceId,
    /// `attribute:NAME`: one bucket per value of the attribute. Instances without
    /// the attribute (or without a value) share one bucket of their own.
    Attribute(String),
}

/// One link of a strategy chain.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Strategy {
    /// Prefer the instance with the least remaining amount of the field that still fits.
    Binpack(BinpackField),
    /// Prefer the bucket with the fewest tasks (already running plus placed in this call).
    Spread(SpreadField),
    /// A uniform, seeded pick.
    Random,
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Strategy::Binpack(BinpackField::Cpu) => f.write_str("binpack(cpu)"),
            Strategy::Binpack(BinpackField::Memory) => f.write_str("binpack(memory)"),
            Strategy::Spread(SpreadField::InstanceId) => f.write_str("spread(instanceId)"),
            Strategy::Spread(SpreadField::Attribute(a)) => write!(f, "spread(attribute:{a})"),
            Strategy::Random => f.write_str("random"),
        }
    }
}

/// ECS allows at most five strategies per request.
pub const MAX_STRATEGIES: usize = 5;

/// Parses one ECS placement strategy from its wire `type` and `field`.
///
/// `binpack` needs `cpu` or `memory`; `spread` needs `instanceId`, `host` or
/// `attribute:NAME`; `random` takes no field.
pub fn parse_strategy(type_: &str, field: Option<&str>) -> Result<Strategy, ScheduleError> {
    let field = field.map(str::trim).filter(|f| !f.is_empty());
    match type_ {
        "binpack" => match field {
            Some(f) if f.eq_ignore_ascii_case("cpu") => Ok(Strategy::Binpack(BinpackField::Cpu)),
            Some(f) if f.eq_ignore_ascii_case("memory") => {
                Ok(Strategy::Binpack(BinpackField::Memory))
            }
            Some(f) => Err(ScheduleError::InvalidStrategy(format!(
                "binpack field must be cpu or memory, got {f:?}"
            ))),
            None => Err(ScheduleError::InvalidStrategy(
                "binpack needs a field: cpu or memory".into(),
            )),
        },
        "spread" => match field {
            Some("instanceId" | "host") => Ok(Strategy::Spread(SpreadField::InstanceId)),
            Some(f) => match f.strip_prefix("attribute:") {
                Some(name) if !name.is_empty() => {
                    Ok(Strategy::Spread(SpreadField::Attribute(name.to_string())))
                }
                _ => Err(ScheduleError::InvalidStrategy(format!(
                    "spread field must be instanceId, host or attribute:NAME, got {f:?}"
                ))),
            },
            None => Err(ScheduleError::InvalidStrategy(
                "spread needs a field: instanceId, host or attribute:NAME".into(),
            )),
        },
        "random" => match field {
            None => Ok(Strategy::Random),
            Some(f) => Err(ScheduleError::InvalidStrategy(format!(
                "random takes no field, got {f:?}"
            ))),
        },
        other => Err(ScheduleError::InvalidStrategy(format!(
            "type must be binpack, spread or random, got {other:?}"
        ))),
    }
}

/// Parses a whole strategy list from the API shape, enforcing ECS's limit of five.
pub fn parse_strategies(list: &[PlacementStrategy]) -> Result<Vec<Strategy>, ScheduleError> {
    if list.len() > MAX_STRATEGIES {
        return Err(ScheduleError::InvalidStrategy(format!(
            "at most {MAX_STRATEGIES} strategies are allowed, got {}",
            list.len()
        )));
    }
    list.iter()
        .map(|s| {
            let type_ = s
                .type_
                .as_ref()
                .ok_or_else(|| ScheduleError::InvalidStrategy("type is required".into()))?;
            parse_strategy(type_.as_str(), s.field.as_deref())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_valid_form() {
        let table: &[(&str, Option<&str>, Strategy)] = &[
            ("binpack", Some("cpu"), Strategy::Binpack(BinpackField::Cpu)),
            (
                "binpack",
                Some("memory"),
                Strategy::Binpack(BinpackField::Memory),
            ),
            (
                "binpack",
                Some("MEMORY"),
                Strategy::Binpack(BinpackField::Memory),
            ),
            (
                "spread",
                Some("instanceId"),
                Strategy::Spread(SpreadField::InstanceId),
            ),
            (
                "spread",
                Some("host"),
                Strategy::Spread(SpreadField::InstanceId),
            ),
            (
                "spread",
                Some("attribute:ecs.availability-zone"),
                Strategy::Spread(SpreadField::Attribute("ecs.availability-zone".into())),
            ),
            ("random", None, Strategy::Random),
            ("random", Some(""), Strategy::Random),
        ];
        for (t, f, want) in table {
            assert_eq!(parse_strategy(t, *f).as_ref(), Ok(want), "{t} {f:?}");
        }
    }

    #[test]
    fn rejects_invalid_combinations() {
        let table: &[(&str, Option<&str>, &str)] = &[
            ("binpack", None, "binpack needs a field"),
            ("binpack", Some("disk"), "cpu or memory"),
            ("spread", None, "spread needs a field"),
            ("spread", Some("zone"), "attribute:NAME"),
            ("spread", Some("attribute:"), "attribute:NAME"),
            ("random", Some("cpu"), "random takes no field"),
            ("pack", Some("cpu"), "binpack, spread or random"),
            ("Binpack", Some("cpu"), "binpack, spread or random"),
        ];
        for (t, f, needle) in table {
            let err = parse_strategy(t, *f)
                .expect_err("should be rejected")
                .to_string();
            assert!(err.contains(needle), "{t} {f:?}: {err}");
        }
    }

    #[test]
    fn limits_the_chain_to_five() {
        let one = PlacementStrategy {
            type_: Some(berth_api::ecs::PlacementStrategyType::Random),
            field: None,
        };
        assert_eq!(
            parse_strategies(&vec![one.clone(); 5]).map(|v| v.len()),
            Ok(5)
        );
        assert!(parse_strategies(&vec![one; 6]).is_err());
    }
}
