//! Numbers as Chinese reports write them: Arabic, Chinese numerals, 万/亿 multipliers.
