"""The chronology: claims on a vertical time line by event date, with suggested dates."""
