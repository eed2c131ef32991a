using Microsoft.AspNetCore.Components;

namespace OfficerTraining.Web.Features.Exams.Taking;

/// <summary>
/// The exam pages' styles, kept with them (app.css belongs to the shell). One column below 600 px; options and navigator
/// buttons at least 44 px high for fingers; focus always visible (app.css draws :focus-visible). One string for the
/// process, rendered as one markup frame of the page that shows it: as a component of its own it cost every open exam's
/// circuit a render tree (~3 KB).
/// </summary>
public static class ExamStyles
{
    public static readonly MarkupString Markup = new("""
        <style>
            .exam-app-header { gap: .5rem 1rem; flex-wrap: wrap; }
            .exam-app-header a { color: #fff; margin-right: .75rem; }
            .exam-app-header a.app-title { text-decoration: none; }
            .exam-bar { position: sticky; top: 0; z-index: 10; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem;
                padding: .5rem 1rem; background: #fff; border-bottom: 1px solid #d0d0d0; }
            .exam-title { flex: 1 1 14rem; margin: 0; font-size: 1.15rem; font-weight: 600; }
            .exam-bar-saves { font-size: .9rem; color: #444; }
            .exam-clock { display: inline-flex; align-items: baseline; gap: .4rem; padding: .2rem .7rem; border: 2px solid #1f4e79;
                border-radius: 6px; color: #1f4e79; font-weight: 600; }
            .exam-clock-value { font-size: 1.35rem; font-variant-numeric: tabular-nums; }
            .exam-clock-deadline { font-size: .8rem; font-weight: 400; }
            .exam-clock-tenminutes { border-color: #b35c00; background: #fff4e5; color: #7a3d00; }
            .exam-clock-oneminute, .exam-clock-over { border-color: #b00020; background: #b00020; color: #fff; }
            .exam-body { max-width: 76rem; margin: 0 auto; padding: .75rem 1rem 2rem; }
            .exam-grid { display: grid; grid-template-columns: minmax(0, 1fr) 19rem; gap: 1.5rem; align-items: start; }
            .exam-item-heading { font-size: 1rem; font-weight: 600; color: #444; margin: .5rem 0; }
            .exam-scenario { background: #f5f5f5; border-left: 4px solid #1f4e79; padding: .75rem 1rem; margin-bottom: 1rem; line-height: 1.7; }
            .exam-scenario-label { font-weight: 600; margin-bottom: .25rem; }
            .exam-scenario-text { white-space: pre-wrap; }
            .exam-options { border: 0; padding: 0; margin: 0; min-width: 0; }
            .exam-stem { padding: 0; margin-bottom: .5rem; font-size: 1.1rem; line-height: 1.7; white-space: pre-wrap; }
            .exam-hint { color: #555; font-size: .9rem; margin: .25rem 0; }
            .exam-option { display: flex; gap: .6rem; align-items: flex-start; min-height: 44px; padding: .65rem .8rem; margin: .45rem 0;
                border: 1px solid #9e9e9e; border-radius: 6px; cursor: pointer; line-height: 1.6; }
            .exam-option:hover { background: #f3f7fb; }
            .exam-option.chosen { border: 2px solid #1f4e79; background: #e8f0f8; }
            .exam-option:focus-within { outline: 3px solid #1f4e79; outline-offset: 2px; }
            .exam-option input { flex: none; width: 1.2rem; height: 1.2rem; margin: .2rem 0 0; accent-color: #1f4e79; }
            .exam-options:disabled .exam-option { cursor: not-allowed; opacity: .75; }
            .exam-letter { font-weight: 600; min-width: 1.4rem; }
            .exam-option-text { white-space: pre-wrap; }
            .exam-save { display: flex; align-items: center; gap: .35rem; min-height: 1.75rem; margin: .5rem 0; font-size: .95rem; }
            .exam-save-saved { color: #1b5e20; }
            .exam-save-retrying, .exam-save-refused { color: #b00020; font-weight: 600; }
            .exam-actions { display: flex; flex-wrap: wrap; gap: .5rem; justify-content: space-between; margin-top: 1rem; }
            .exam-nav { border: 1px solid #d0d0d0; border-radius: 6px; padding: .75rem; }
            .exam-nav-title { font-size: 1rem; margin: 0 0 .25rem; }
            .exam-nav-summary { margin: 0 0 .5rem; font-size: .9rem; color: #444; }
            .exam-nav-list { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(2.9rem, 1fr)); gap: .4rem; }
            .exam-nav-item { position: relative; display: inline-flex; align-items: center; justify-content: center; width: 100%;
                min-height: 2.75rem; padding: 0 .2rem; border: 1px solid #757575; border-radius: 4px; background: #fff; color: #1b1b1b;
                font: inherit; font-size: .9rem; cursor: pointer; }
            .exam-nav-item.answered { background: #1f4e79; border-color: #1f4e79; color: #fff; }
            .exam-nav-item.unsaved { border: 2px dashed #b00020; }
            .exam-nav-item.flagged::after { content: "⚑"; position: absolute; top: -.45rem; right: -.3rem; padding: 0 .15rem;
                border-radius: 50%; background: #fff3e0; color: #c45100; font-size: .8rem; line-height: 1.1; border: 1px solid #c45100; }
            .exam-nav-item.current { box-shadow: 0 0 0 3px #8b1a1a; font-weight: 700; }
            .exam-nav-legend { list-style: none; padding: 0; margin: .75rem 0 0; display: flex; flex-wrap: wrap; gap: .35rem .9rem; font-size: .85rem; }
            .exam-nav-legend .exam-nav-item { width: 1.8rem; min-height: 1.6rem; margin-right: .25rem; cursor: default; }
            .exam-item-links { display: inline-flex; flex-wrap: wrap; gap: .3rem; margin-left: .25rem; }
            .exam-item-link { min-width: 2.2rem; min-height: 2rem; border: 1px solid currentColor; border-radius: 4px; background: #fff; font: inherit; cursor: pointer; }
            .exam-review { list-style: none; padding: 0; margin: 0; }
            .exam-rules th { width: 9rem; text-align: left; vertical-align: top; font-weight: 600; }
            @@media (max-width: 600px) {
                .exam-grid { grid-template-columns: minmax(0, 1fr); }
                .exam-body { padding: .5rem .6rem 1.5rem; }
                .exam-bar { padding: .4rem .6rem; }
                .exam-clock-deadline { display: none; }
                .exam-rules th { width: 6.5rem; }
                .exam-app-header { padding: .4rem .6rem; font-size: .9rem; }
                .exam-keys { display: none; }
            }
        </style>
        """);
}
