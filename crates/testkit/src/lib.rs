//! testkit (being built).
