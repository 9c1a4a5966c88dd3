//! What leaves the device (issue 17): whatever words surround them, an
//! email address, an IP address, a GUID, a long number, a user or network
//! path and a URL's path never survive redaction; the words of the problem
//! do, and redacting twice changes nothing.

mod strategies;

use lantern_core::events::redact;
use proptest::prelude::*;

fn words() -> impl Strategy<Value = String> {
    strategies::joined(strategies::WORDS, 6)
}

fn email() -> impl Strategy<Value = String> {
    ("[a-z][a-z0-9._%+-]{0,12}", "[a-z0-9-]{1,10}", "[a-z]{2,6}")
        .prop_map(|(user, host, tld)| format!("{user}@{host}.{tld}"))
}

fn ip() -> impl Strategy<Value = String> {
    prop_oneof![
        (any::<[u8; 4]>(), proptest::option::of(1u16..)).prop_map(|(o, port)| {
            let address = format!("{}.{}.{}.{}", o[0], o[1], o[2], o[3]);
            port.map_or(address.clone(), |p| format!("{address}:{p}"))
        }),
        any::<[u16; 8]>().prop_map(|g| g.map(|x| format!("{x:x}")).join(":")),
    ]
}

fn guid() -> impl Strategy<Value = String> {
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
        .prop_flat_map(|g| prop_oneof![Just(g.clone()), Just(format!("{{{g}}}"))])
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{6,14}",
        "[0-9]{3}-[0-9]{3}-[0-9]{4}",
        "\\+[0-9]{2} [0-9]{2} [0-9]{4} [0-9]{4}"
    ]
}

fn path() -> impl Strategy<Value = String> {
    let name = "[A-Za-z][A-Za-z0-9.]{0,10}( [A-Za-z][a-z]{1,8})?";
    (name, "[A-Za-z0-9]{1,8}", 0..4usize).prop_map(|(user, dir, form)| match form {
        0 => format!(r"C:\Users\{user}\{dir}"),
        1 => format!(r"\\{dir}\home$\{user}"),
        2 => format!("/home/{user}/{dir}"),
        _ => format!("/Users/{user}/{dir}"),
    })
}

fn secret() -> impl Strategy<Value = String> {
    prop_oneof![email(), ip(), guid(), number(), path()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn personal_data_never_survives_whatever_surrounds_it(
        before in words(), secret in secret(), after in words()
    ) {
        let query = format!("{before} {secret} {after}");
        let out = redact(&query);
        // Each piece of it that could name someone: the whole, and its
        // user part, address groups or digits.
        prop_assert!(!out.contains(&secret), "{query:?} gave {out:?}");
        let digits: String = secret.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 6 {
            prop_assert!(!out.contains(&digits), "{query:?} gave {out:?}");
        }
        let addressed = |w: &str| {
            w.split_once('@').is_some_and(|(user, host)| {
                user.chars().any(char::is_alphanumeric) && host.chars().any(char::is_alphanumeric)
            })
        };
        prop_assert!(!out.split_whitespace().any(addressed), "{query:?} gave {out:?}");
        prop_assert!(!out.contains(r"\Users\") && !out.contains("/home/"), "{query:?} gave {out:?}");
    }

    #[test]
    fn a_url_keeps_its_host_and_loses_its_path_query_and_user(
        host in "[a-z]{1,10}\\.[a-z]{2,5}", path in "[a-z0-9/]{1,20}", id in "[0-9]{1,8}",
        user in "[a-z]{3,8}",
    ) {
        let out = redact(&format!("blank page https://{user}:pw@{host}/{path}?id={id} today"));
        prop_assert_eq!(out, format!("blank page https://{host} today"));
    }

    #[test]
    fn the_words_of_a_problem_are_kept_and_redacting_twice_changes_nothing(
        query in prop_oneof![words(), any::<String>()]
    ) {
        let once = redact(&query);
        prop_assert_eq!(redact(&once), once.clone());
        if query.split_whitespace().all(|w| w.chars().all(char::is_alphabetic)) {
            prop_assert_eq!(once, query.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
}
