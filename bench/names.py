"""Realistic Chinese member names: common surnames by frequency and given-name characters."""

from __future__ import annotations

import random

from spa_pos.pinyin import pinyin_keys

# The most common surnames with rough shares (%) of the population, plus a few compound ones.
SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 7.1),
    ("李", 7.0),
    ("张", 6.7),
    ("刘", 5.4),
    ("陈", 4.5),
    ("杨", 3.1),
    ("黄", 2.2),
    ("赵", 2.0),
    ("吴", 2.0),
    ("周", 1.9),
    ("徐", 1.3),
    ("孙", 1.2),
    ("马", 1.2),
    ("朱", 1.1),
    ("胡", 1.1),
    ("郭", 1.1),
    ("何", 1.0),
    ("高", 1.0),
    ("林", 1.0),
    ("罗", 0.9),
    ("郑", 0.8),
    ("梁", 0.8),
    ("谢", 0.7),
    ("宋", 0.6),
    ("唐", 0.6),
    ("许", 0.6),
    ("韩", 0.6),
    ("冯", 0.5),
    ("邓", 0.5),
    ("曹", 0.5),
    ("彭", 0.5),
    ("曾", 0.5),
    ("肖", 0.5),
    ("田", 0.4),
    ("董", 0.4),
    ("袁", 0.4),
    ("潘", 0.4),
    ("于", 0.4),
    ("蒋", 0.4),
    ("蔡", 0.4),
    ("余", 0.4),
    ("杜", 0.4),
    ("叶", 0.4),
    ("程", 0.4),
    ("苏", 0.3),
    ("魏", 0.3),
    ("吕", 0.3),
    ("丁", 0.3),
    ("任", 0.3),
    ("沈", 0.3),
    ("姚", 0.3),
    ("卢", 0.3),
    ("姜", 0.3),
    ("崔", 0.3),
    ("钟", 0.3),
    ("谭", 0.3),
    ("陆", 0.3),
    ("汪", 0.3),
    ("范", 0.3),
    ("金", 0.3),
    ("石", 0.2),
    ("廖", 0.2),
    ("贾", 0.2),
    ("夏", 0.2),
    ("韦", 0.2),
    ("付", 0.2),
    ("方", 0.2),
    ("白", 0.2),
    ("邹", 0.2),
    ("孟", 0.2),
    ("熊", 0.2),
    ("秦", 0.2),
    ("邱", 0.2),
    ("江", 0.2),
    ("尹", 0.2),
    ("薛", 0.2),
    ("闫", 0.2),
    ("段", 0.2),
    ("雷", 0.2),
    ("侯", 0.2),
    ("龙", 0.2),
    ("史", 0.2),
    ("陶", 0.2),
    ("黎", 0.2),
    ("贺", 0.2),
    ("顾", 0.2),
    ("毛", 0.2),
    ("郝", 0.2),
    ("龚", 0.2),
    ("邵", 0.2),
    ("万", 0.1),
    ("钱", 0.1),
    ("严", 0.1),
    ("覃", 0.1),
    ("武", 0.1),
    ("戴", 0.1),
    ("莫", 0.1),
    ("孔", 0.1),
    ("向", 0.1),
    ("汤", 0.1),
    ("欧阳", 0.03),
    ("司马", 0.01),
    ("上官", 0.01),
    ("诸葛", 0.01),
)

GIVEN_FEMALE = (
    "秀英芳娜敏静丽艳娟霞玲桂兰萍红梅琳燕颖雪慧婷佳欣怡晶洁丹璐倩雯琴蓉莉淑珍凤爱月悦"
    "茜思梦瑶婉岚菲薇雅琪晓美玉春秋云彤妍蕾诗涵宁"
)
GIVEN_MALE = (
    "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林峰建国志文海东亮成博"
    "晨子轩然泽昊天阳振家荣庆德新永"
)


class NameMaker:
    """Draws names and computes their pinyin keys, cached per surname and per given name
    (pypinyin takes ~0.1 ms a call; members repeat the same parts a lot)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._surnames = [s for s, _ in SURNAMES]
        self._cum = _cumulative([w for _, w in SURNAMES])
        self._compound = {s for s in self._surnames if len(s) == 2}
        self._keys: dict[str, tuple[str, str]] = {}

    def name(self, gender: str) -> str:
        rng = self.rng
        surname = rng.choices(self._surnames, cum_weights=self._cum)[0]
        chars = GIVEN_FEMALE if gender == "F" else GIVEN_MALE
        given = rng.choice(chars) if rng.random() < 0.3 else rng.choice(chars) + rng.choice(chars)
        return surname + given

    def pinyin(self, name: str) -> tuple[str, str]:
        """`pinyin.pinyin_keys` of the surname and of the given name, joined (the same as
        for the whole name, except where a phrase would span the two)."""
        surname = name[:2] if name[:2] in self._compound else name[:1]
        s_py, s_ini = self._key(surname)
        g_py, g_ini = self._key(name[len(surname) :])
        return s_py + g_py, s_ini + g_ini

    def _key(self, part: str) -> tuple[str, str]:
        keys = self._keys.get(part)
        if keys is None:
            keys = self._keys[part] = pinyin_keys(part)
        return keys


def _cumulative(weights: list[float]) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out
