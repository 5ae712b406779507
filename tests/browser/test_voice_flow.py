"""A candidate answers out loud through Chromium's fake microphone (espeak-ng speech):
record, transcribe on a worker process, correct the transcript, get feedback, play a
sentence, delete the recording. Also: a refused microphone says so."""

from __future__ import annotations

import time
import wave
from pathlib import Path

import pytest
from playwright.sync_api import expect

from loopcoach.web.voice.bench import speak, word_error_rate
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, screenshot, wait_until
from tests.browser.test_practice_flow import open_dive_deep_question, sign_up

SAID = (
    "In twenty twenty two our checkout error rate doubled. Um, I dug into the logs myself "
    "and found a retry bug. I fixed it and added an alert. As a result, errors fell by half."
)


@pytest.fixture(scope="module")
def spoken(tmp_path_factory) -> Path:
    return speak(SAID, tmp_path_factory.mktemp("voice") / "said.wav")


@pytest.fixture
def microphone_page(browser, spoken, live_server, content):
    """A page whose microphone says SAID (Chromium's fake capture device, granted at once)."""
    fake = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-audio-capture={spoken}",
            "--autoplay-policy=no-user-gesture-required",
        ],
    )
    context = fake.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    fake.close()


def test_a_candidate_answers_out_loud_and_hears_a_sentence_again(
    microphone_page, spoken, start_worker
):
    page = microphone_page
    start_worker()
    sign_up(page, "vera")
    open_dive_deep_question(page)
    page.get_by_role("button", name="Answer out loud").click()
    expect(page.get_by_role("button", name="Stop recording")).to_be_visible()
    expect(page.locator("[data-role=elapsed]")).to_contain_text("/ 2:00")
    wait_until(page, "document.querySelector('[data-role=level]').value > 0.05")
    with wave.open(str(spoken)) as clip:  # record it once: the fake microphone loops it
        time.sleep(clip.getnframes() / clip.getframerate() - 0.5)
    screenshot(page, "voice-recording")
    page.get_by_role("button", name="Stop recording").click()
    expect(page.get_by_role("button", name="Record again")).to_be_visible()
    started = time.perf_counter()
    page.get_by_role("button", name="Transcribe this recording").click()
    expect(page.locator("[data-role=status]")).to_contain_text("Sent", timeout=5_000)
    accepted = time.perf_counter() - started
    expect(page.locator("[data-role=status]")).to_contain_text("Transcribing", timeout=5_000)
    shown = time.perf_counter() - started
    box = page.get_by_label("Your answer")
    expect(box).not_to_have_value("", timeout=90_000)
    transcribed = time.perf_counter() - started
    heard = box.input_value()
    wer = word_error_rate(SAID, heard)
    print(
        f"\nfake microphone: WER {wer:.1%}, accepted after {accepted * 1000:.0f} ms, "
        f"'Transcribing' after {shown * 1000:.0f} ms, "
        f"transcript after {transcribed:.1f} s: {heard!r}"
    )
    # The fake microphone loops the clip from wherever it is when recording starts, so a
    # busy machine cuts it differently; the clean-clip WER is the voice bench's (6.7%).
    assert wer < 0.6
    expect(page.locator("[data-role=status]")).to_contain_text("Correct anything misheard")
    screenshot(page, "voice-transcribed")
    box.fill(heard.replace("2022", "2022,") + " I now review retries in every design.")
    page.get_by_role("button", name="Get feedback").click()
    expect(page.locator(".feedback").first).to_be_visible()
    expect(page.locator(".voice-delivery")).to_contain_text("words a minute")
    page.wait_for_url("**/practice/attempts/*/")
    page.reload()  # the attempt page itself, not only the fragment htmx swapped in
    sentence = page.locator(".voice-sentence").nth(1)
    sentence.click()
    wait_until(page, "!document.querySelector('.voice-audio audio').paused")
    position = page.evaluate("document.querySelector('.voice-audio audio').currentTime")
    assert position >= float(sentence.get_attribute("data-start"))
    screenshot(page, "voice-attempt", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "voice-attempt-phone", full_page=True)
    page.get_by_role("button", name="Delete the recording").click()
    expect(page.get_by_text("You deleted the audio of this answer")).to_be_visible()


def test_a_blocked_microphone_says_what_to_do(browser, live_server, content):
    context = browser.new_context(base_url=live_server.url)  # no permission granted: denied
    page = context.new_page()
    sign_up(page, "walt")
    open_dive_deep_question(page)
    page.get_by_role("button", name="Answer out loud").click()
    expect(page.locator("[data-role=status]")).to_contain_text("microphone", timeout=10_000)
    assert "type your answer" in page.locator("[data-role=status]").inner_text()
    context.close()
