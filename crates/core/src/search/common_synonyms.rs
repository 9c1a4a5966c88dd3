//! Words users and support articles say differently, for every site: the
//! user types "ie", "keeps asking" or "greyed out", the article says
//! "Internet Explorer", "prompts" and "disabled". A site adds its own in
//! `[search] synonyms` and can turn these off with
//! `common_synonyms = false`.
//!
//! Each group is a set of equals (any member finds the others), so a group
//! holds only words that mean the same in IT support; a word that is
//! merely related ("error" and "failure") would widen every query it is in.

/// The built-in groups, on unless `common_synonyms = false`.
pub const COMMON_SYNONYMS: &[&[&str]] = &[
    // Product and technology abbreviations.
    &["ie", "internet explorer"],
    &["owa", "outlook web app", "outlook on the web"],
    &[
        "mfa",
        "2fa",
        "multi-factor",
        "two-factor",
        "two-step verification",
    ],
    &["sso", "single sign-on"],
    &["rdp", "remote desktop"],
    &["vm", "virtual machine"],
    &["ad", "active directory"],
    &["aad", "azure ad", "entra id", "azure active directory"],
    &["o365", "office 365", "microsoft 365", "m365"],
    &["spo", "sharepoint online"],
    &["exo", "exchange online"],
    &["gpo", "group policy"],
    &["dc", "domain controller"],
    &["bsod", "blue screen", "stop error"],
    &["wifi", "wi-fi", "wireless", "wlan"],
    &["admin", "administrator"],
    &["app", "application"],
    &["mic", "microphone"],
    &["webcam", "camera", "cam"],
    // Everyday words for what articles name formally.
    &["password", "credentials", "passcode", "pw"],
    &["ask", "prompt"],
    &["pc", "computer", "laptop", "workstation"],
    &["link", "hyperlink"],
    &["greyed out", "grayed out", "disabled", "unavailable"],
    &["freeze", "hang", "unresponsive", "not responding"],
    &["slow", "performance", "sluggish", "lag"],
    &["email", "e-mail", "mail"],
    &["login", "log in", "logon", "log on", "sign in", "signin"],
    &["logout", "log out", "logoff", "sign out"],
    &["missing", "disappeared", "vanished", "gone"],
    &["delete", "remove"],
    &["sync", "synchronize", "synchronization"],
    &["headset", "headphones"],
    &["monitor", "display"],
    &["printer", "copier", "mfp"],
    &[
        "mapped drive",
        "network drive",
        "network share",
        "file share",
        "shared folder",
    ],
    &["reboot", "restart"],
    &["shutdown", "shut down", "power off"],
    &["spreadsheet", "workbook"],
    &["locked out", "lockout", "account locked"],
    &["pop up", "popup", "notification"],
];
