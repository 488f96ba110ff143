<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plural forms only: the sources are English, but "%n article(s)" needs its two forms. -->
<TS version="2.1" language="en">
<context>
    <name>br::ui::CoverageModel</name>
    <message numerus="yes">
        <source>%n article(s) in all; click to list them</source>
        <translation>
            <numerusform>%n article in all; click to list them</numerusform>
            <numerusform>%n articles in all; click to list them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>br::ui::MainWindow</name>
    <message numerus="yes">
        <source>Imported %n page(s)</source>
        <translation>
            <numerusform>Imported %n page</numerusform>
            <numerusform>Imported %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the library</source>
        <translation>
            <numerusform>%n already in the library</numerusform>
            <numerusform>%n already in the library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were not imported.</source>
        <translation>
            <numerusform>%n file was not imported.</numerusform>
            <numerusform>%n files were not imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Coverage: %1 · %2 — %n article(s), tagged or suggested</source>
        <translation>
            <numerusform>Coverage: %1 · %2 — %n article, tagged or suggested</numerusform>
            <numerusform>Coverage: %1 · %2 — %n articles, tagged or suggested</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) exported to %1</source>
        <translation>
            <numerusform>%n article exported to %1</numerusform>
            <numerusform>%n articles exported to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n non-text file(s) skipped</source>
        <translation>
            <numerusform>%n non-text file skipped</numerusform>
            <numerusform>%n non-text files skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in the folders are not text and were skipped.</source>
        <translation>
            <numerusform>%n file in the folders is not text and was skipped.</numerusform>
            <numerusform>%n files in the folders are not text and were skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n highlight(s) exported to %1</source>
        <translation>
            <numerusform>%n highlight exported to %1</numerusform>
            <numerusform>%n highlights exported to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n article(s) to %1</source>
        <translation>
            <numerusform>Copied %n article to %1</numerusform>
            <numerusform>Copied %n articles to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>br::ui::PdfReport</name>
    <message numerus="yes">
        <source>%1: %n article(s)</source>
        <translation>
            <numerusform>%1: %n article</numerusform>
            <numerusform>%1: %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>br::ui::AgreementModel</name>
    <message numerus="yes">
        <source>%1 and %2: κ %3 over %n article(s)</source>
        <translation>
            <numerusform>%1 and %2: κ %3 over %n article</numerusform>
            <numerusform>%1 and %2: κ %3 over %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>br::ui::AgreementDialog</name>
    <message numerus="yes">
        <source>Coders: %1. %n article(s) coded by both.</source>
        <translation>
            <numerusform>Coders: %1. %n article coded by both.</numerusform>
            <numerusform>Coders: %1. %n articles coded by both.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Coders: %1. %n article(s) coded by two or more of them.</source>
        <translation>
            <numerusform>Coders: %1. %n article coded by two or more of them.</numerusform>
            <numerusform>Coders: %1. %n articles coded by two or more of them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) they disagree on for %1 (Enter or double-click opens one):</source>
        <translation>
            <numerusform>%n article they disagree on for %1 (Enter or double-click opens one):</numerusform>
            <numerusform>%n articles they disagree on for %1 (Enter or double-click opens one):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>br::ui::PageDetailsDialog</name>
    <message numerus="yes">
        <source>For the %n page(s) of the selected articles. Only what is ticked is set; a page keeps the rest as it is.</source>
        <translation>
            <numerusform>For the page of the selected articles. Only what is ticked is set; the page keeps the rest as it is.</numerusform>
            <numerusform>For the %n pages of the selected articles. Only what is ticked is set; a page keeps the rest as it is.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>br::ui::Workspace</name>
    <message numerus="yes">
        <source>Set publication and date of %n page(s)</source>
        <translation>
            <numerusform>Set publication and date of %n page</numerusform>
            <numerusform>Set publication and date of %n pages</numerusform>
        </translation>
    </message>
</context>
</TS>
