namespace WatchList.Bench.Corpus;

/// <summary>The words generated prose is made of: plain filler, and the parts invented names are built from.</summary>
internal static class Vocabulary
{
    /// <summary>Lowercase filler: never a term or actor name, so only the mentions put in on purpose are found.</summary>
    public static readonly string[] Filler =
    [
        "the", "the", "the", "the", "of", "of", "of", "and", "and", "and", "to", "to", "in", "in", "a", "a", "on", "for",
        "with", "that", "as", "by", "from", "its", "their", "this", "which", "would", "could", "has", "have", "had", "been",
        "was", "were", "is", "are", "be", "not", "but", "also", "more", "most", "some", "each", "any", "both", "other",
        "talks", "dialogue", "pressure", "sanctions", "relief", "security", "guarantees", "process", "steps", "agreement",
        "negotiations", "envoys", "officials", "leaders", "summit", "meeting", "statement", "declaration", "framework",
        "programme", "facilities", "inspectors", "verification", "freeze", "moratorium", "tests", "missiles", "reactor",
        "enrichment", "stockpile", "weapons", "deterrent", "alliance", "exercises", "border", "trade", "aid", "food",
        "humanitarian", "exemptions", "council", "resolution", "measures", "concessions", "incentives", "partners",
        "region", "peninsula", "economy", "markets", "workers", "families", "reunions", "rail", "roads", "liaison",
        "office", "channel", "hotline", "tensions", "risks", "costs", "benefits", "signals", "rhetoric", "goodwill",
        "impasse", "stalemate", "breakthrough", "momentum", "deadline", "timeline", "sequence", "roadmap", "phase",
        "years", "months", "weeks", "decades", "history", "memory", "war", "armistice", "peace", "treaty", "regime",
        "government", "parliament", "ministry", "delegation", "mission", "diplomats", "analysts", "observers", "critics",
        "supporters", "public", "opinion", "media", "reports", "evidence", "claims", "doubts", "hopes", "fears", "goals",
        "interests", "priorities", "positions", "demands", "offers", "proposals", "options", "choices", "limits",
        "remains", "seems", "appears", "suggests", "shows", "offers", "requires", "allows", "prevents", "supports",
        "opposes", "welcomes", "rejects", "accepts", "delays", "resumes", "expands", "narrows", "eases", "tightens",
        "signals", "reaches", "misses", "builds", "erodes", "restores", "keeps", "loses", "gains", "seeks", "avoids",
        "modest", "broad", "narrow", "early", "late", "formal", "informal", "direct", "indirect", "lasting", "fragile",
        "credible", "uncertain", "gradual", "rapid", "partial", "full", "mutual", "regional", "global", "domestic",
        "economic", "political", "military", "technical", "financial", "practical", "symbolic", "significant",
        "further", "again", "still", "already", "perhaps", "likely", "unlikely", "slowly", "quickly", "carefully",
        "openly", "quietly", "jointly", "separately", "instead", "meanwhile", "however", "therefore",
    ];

    public static readonly string[] Headings =
    [
        "Background", "What Changed", "The Diplomatic Track", "Sanctions and Relief", "The Humanitarian Picture",
        "Risks Ahead", "What Could Be Done", "Recommendations", "Outlook", "The Regional View", "Lessons Learned",
        "Verification and Trust", "The Economic Dimension", "Where Things Stand",
    ];

    public static readonly string[] TermNouns =
    [
        "Accord", "Framework", "Talks", "Declaration", "Statement", "Facility", "Complex", "Zone", "Regime", "Process",
        "Initiative", "Protocol", "Summit", "Reactor", "Plan", "Corridor", "Office", "Programme", "Formula", "Doctrine",
    ];

    public static readonly string[] TermSecondNouns =
    [
        "agreement", "arrangement", "site", "plant", "centre", "area", "channel", "mechanism", "project", "approach",
    ];

    public static readonly string[] OrganisationNouns =
    [
        "Council", "Commission", "Agency", "Institute", "Committee", "Forum", "Assembly", "Bureau", "Group", "Union",
    ];

    public static readonly string[] Onsets =
    [
        "k", "v", "s", "t", "r", "m", "n", "l", "d", "b", "p", "g", "z", "h", "y", "kr", "tr", "sh", "ch", "st",
    ];

    public static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ae", "io", "ou"];

    public static readonly string[] Codas = ["", "", "", "n", "r", "l", "s", "k", "m", "ng"];

    public static readonly string[] Types = ["Commentary", "Commentary", "Commentary", "Briefing", "Q&A"];

    public static readonly string[] Authors =
    [
        "Ana Ferreira", "Tomas Lindqvist", "Priya Raman", "Jonas Weber", "Mei Lin Ong", "Samuel Okafor", "Clara Mendes",
        "Ivan Petrov", "Hana Sato", "Lucas Moreau",
    ];
}
