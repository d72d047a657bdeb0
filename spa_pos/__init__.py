"""spa_pos: point of sale and membership points for a physiotherapy / wellness clinic."""

__version__ = "0.1.0"
