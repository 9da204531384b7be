"""Data for the demo people (`demo_people`): names, places and phone ranges, kept apart from the code.

Lists are whitespace-separated; "_" stands for a space inside one entry ("van_den_Berg").
"native=Latin" gives the Latin spelling used for e-mails (Arabic, Chinese, Japanese, Korean); Greek and
Cyrillic are transliterated by table. "male/female" is a surname with a female form (Polish, Czech, Greek,
Russian, Gaelic); an entry without "/" is the same for both. Lists run roughly from common to rare: the
generator picks early entries more often, so frequent names repeat the way they do in a real client list.

Phone ranges are mobile ranges that `phonenumbers` accepts as valid for the country (tests check every
generated number): "prefixes:digits" adds that many random digits; the pattern's "x" are the national
digits and "*" takes the rest. Postcode templates: "#" a digit, "%" 1-9, "@" a letter.
"""

from __future__ import annotations

# --- Cultures ----------------------------------------------------------------------------------------------
# weight: share of clients; homes: where they live (country keys below) with weights; lang: notes language;
# fem: rule for female surnames ("pl", "ru", "uk") when not given as pairs; keeps: wives keep their surname;
# double: chance of two surnames; translit: table for e-mails ("el", "ru", "uk"); cjk: family name written
# first without a space; fitz: Fitzpatrick 1-6 weights; hair: black, dark brown, brown, light brown, blond, red.
CULTURES: dict[str, dict[str, str]] = {
    "en": {
        "weight": "16",
        "homes": "GB:82 US:8 AU:4 CA:3 IE:3",
        "lang": "en",
        "fitz": "15 45 30 8 2 0",
        "hair": "5 35 30 15 12 3",
        "male": """James John David Michael Paul Mark Daniel Andrew Richard Christopher Robert Thomas Matthew
            Steven William Stephen Peter Anthony Jonathan Simon Lee Gary Ian Martin Adam Neil Kevin Craig Jamie
            Benjamin Samuel Alexander Jack Harry Oliver Charlie George Joshua Ryan Luke Nathan Liam Ben Dean
            Darren Stuart Graham Philip Nicholas Edward Timothy Carl Wayne Scott Jason Aaron Callum Lewis
            Connor Kieran Tyler Gareth Rhys Owen Dylan Alfie Joseph Patrick Brian Keith Russell Dominic""",
        "female": """Sarah Emma Claire Laura Rebecca Charlotte Hannah Sophie Emily Jessica Lucy Katherine
            Victoria Rachel Amy Helen Nicola Louise Gemma Natalie Joanne Lisa Michelle Kelly Donna Karen Julie
            Alison Elizabeth Olivia Amelia Chloe Megan Zoe Jennifer Stacey Hayley Samantha Jade Deborah""",
        "surnames": """Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson
            Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Jackson Wood Turner
            Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips
            Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey
            Collins Bell Shaw Murphy Miller Cox Richards Marshall Anderson Simpson Ellis Adams Wilkinson Foster
            Chapman Powell Webb Rogers Gray Mason Hunt Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd
            Butler Russell Barker Fisher Stevens Jenkins Dixon Harvey Pearson Fletcher Gibson Howard Andrews
            Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley
            Spencer Dawson Ball Burton Watts Rose Booth Perry Grant Wells Armstrong Francis Rees Hayes Hart
            Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry
            Stone Holland Hawkins Harding Porter Newton Reed Bird Gardner Lane Cooke Bates Parry Burgess Bishop
            Walton Nicholson Shepherd Cross Freeman Warren Nicholls Sutton Yates Hodgson Robson Curtis
            Hopkins Harper Coleman Watkins Moss Chambers Griffin Sharp Hardy Wheeler Potter Osborne""",
        "nick": """Robert=Bob,Rob William=Will,Bill James=Jim,Jamie Michael=Mike Richard=Rich,Rick Thomas=Tom
            Christopher=Chris Daniel=Dan,Danny Matthew=Matt Anthony=Tony Joseph=Joe Edward=Ed,Ted
            Benjamin=Ben Alexander=Alex Jonathan=Jon Nicholas=Nick Samuel=Sam Stephen=Steve Steven=Steve
            Andrew=Andy Timothy=Tim Philip=Phil Patrick=Pat Elizabeth=Liz Katherine=Kate Victoria=Vicky
            Rebecca=Becky Jennifer=Jen Samantha=Sam Nathan=Nate Dominic=Dom""",
    },
    "ie": {
        "weight": "4.5",
        "homes": "IE:75 GB:25",
        "lang": "en",
        "fitz": "35 45 15 5 0 0",
        "hair": "4 30 30 14 10 12",
        "male": """Seán Patrick Conor Ciarán Darragh Cian Oisín Eoin Liam Niall Declan Ronan Cathal Pádraig
            Diarmuid Fionn Tadhg Colm Donal Éamon Brendan Kevin Michael John Aidan Shane Barry Dermot Fergal
            Kieran Gerard Finbar Cormac Rory Daithí Odhrán Tomás Séamus Brian Enda Killian Dónal""",
        "female": """Aoife Siobhán Niamh Saoirse Ciara Sinéad Róisín Orla Gráinne Caoimhe Aisling Áine Clodagh
            Deirdre Eimear Fiona Máire Nuala Sorcha Mary Bridget Maeve Emer Úna""",
        "surnames": """Murphy Kelly O'Sullivan Walsh O'Brien Byrne Ryan O'Connor O'Neill O'Reilly Doyle McCarthy
            Gallagher O'Doherty Kennedy Lynch Murray Quinn Moore McLoughlin O'Carroll Connolly Daly O'Connell
            Dunne Brennan Burke Collins Fitzgerald Maguire Nolan Flynn O'Callaghan O'Donnell Duffy O'Mahony
            Boyle Healy O'Shea Sweeney Hayes Kavanagh Power McGrath Moran Brady Casey Foley Fitzpatrick
            O'Leary McDonnell MacNamara Ó_Briain/Ní_Bhriain Mac_Cárthaigh/Nic_Cárthaigh
            Ó_Súilleabháin/Ní_Shúilleabháin Ó_Ceallaigh/Ní_Cheallaigh""",
        "nick": "Patrick=Paddy,Pat Michael=Mick Gerard=Ger Pádraig=Páidí Daithí=Dave Finbar=Finn",
    },
    "sco": {
        "weight": "3",
        "homes": "GB_SCO:92 GB:8",
        "lang": "en",
        "fitz": "35 45 15 5 0 0",
        "hair": "4 30 30 14 10 12",
        "male": """Callum Euan Fraser Hamish Angus Alasdair Ruairidh Lachlan Gregor Ewan Iain Duncan Graeme Craig
            Stuart Ross Kenneth Malcolm Alistair Douglas Finlay Cameron Struan Calum Jamie Kyle Andrew Scott
            Gordon Neil Robert Alexander Kieran Blair Murdo Torquil""",
        "female": """Eilidh Isla Kirsty Morag Catriona Fiona Mhairi Shona Ailsa Iona Skye Rhona Lorna Isobel
            Kirsten Heather Ishbel Elspeth Seonaid Ainslie""",
        "surnames": """MacDonald Campbell Stewart Robertson Thomson Anderson Scott Murray MacLeod Reid Ross
            Paterson Morrison Fraser Mackenzie Young Watson Mitchell Walker Henderson Ferguson Hamilton Grant
            McKay Cameron Johnston Duncan Kerr Gordon Sinclair Munro Douglas Buchanan Graham Kennedy Burns
            McIntosh McGregor Drummond Ritchie Gillespie Lindsay Hunter McLean Baird MacKinnon Urquhart
            Crawford Guthrie Galbraith MacAulay MacInnes""",
        "nick": "Alexander=Sandy,Alex Kenneth=Kenny Robert=Rab Andrew=Drew Alasdair=Ally",
    },
    "es": {
        "weight": "6",
        "homes": "ES:86 GB:5 DE:4 FR:5",
        "lang": "es",
        "double": "0.75",
        "keeps": "1",
        "fitz": "2 15 45 33 5 0",
        "hair": "25 50 20 4 1 0",
        "male": """José Antonio Manuel Francisco Juan David Javier Daniel Carlos Jesús Alejandro Miguel Rafael
            Pablo Sergio Fernando Jorge Luis Alberto Álvaro Adrián Diego Raúl Enrique Ramón Vicente Andrés
            Joaquín Santiago Víctor Eduardo Rubén Óscar Iván Ignacio Jaime Marcos Mario Gonzalo Hugo Íñigo
            Guillermo Emilio Tomás Nicolás Julián Agustín Rodrigo Martín Lucas José_Luis Juan_Carlos""",
        "female": """María Carmen Ana Isabel Laura Cristina Marta Lucía Elena Pilar Raquel Paula Sara Rocío
            Beatriz Nuria Silvia Patricia Alicia Irene Mercedes Rosa Natalia Noelia Alba Andrea Marina
            Inmaculada Yolanda Begoña Ainhoa""",
        "surnames": """García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez
            Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez
            Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín
            Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto Méndez Cruz
            Calvo Gallego Vidal León Márquez Herrera Peña Flores Cabrera Campos Vega Fuentes Carrasco Díez
            Caballero Reyes Nieto Aguilar Pascual Santana Herrero Montero Lorenzo Hidalgo Giménez Ibáñez
            Ferrer Durán Benítez Mora Vargas Arias Carmona Crespo Román Pastor Soto Sáez Velasco Soler Parra
            Esteban Bravo Gallardo Rojas Pardo Merino Franco Espinosa Izquierdo Lara Rivas de_la_Cruz""",
        "nick": """José=Pepe Francisco=Paco,Curro Ignacio=Nacho Guillermo=Guille Alejandro=Álex
            Manuel=Manolo Jesús=Chus Enrique=Quique Eduardo=Edu Fernando=Nando María=Mari
            Inmaculada=Inma""",
    },
    "pt": {
        "weight": "2.5",
        "homes": "PT:80 FR:10 GB:10",
        "lang": "pt",
        "double": "0.45",
        "fitz": "2 15 45 33 5 0",
        "hair": "25 50 20 4 1 0",
        "male": """João José António Francisco Manuel Pedro Rui Paulo Nuno Tiago Miguel Luís Carlos Jorge
            Ricardo André Bruno Hugo Diogo Rodrigo Gonçalo Filipe Duarte Martim Tomás Afonso Vasco Sérgio
            Fernando Vítor Hélder Fábio Marco Daniel Joaquim Mário Armando Gustavo Simão Henrique""",
        "female": """Maria Ana Joana Inês Sofia Beatriz Catarina Mariana Rita Marta Sara Carolina Filipa Teresa
            Patrícia Sónia Cláudia Helena Leonor Matilde Raquel Susana Vera Diana Andreia""",
        "surnames": """Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes
            Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira Correia
            Mendes Nunes Soares Vieira Monteiro Cardoso Rocha Raposo Neves Coelho Cruz Cunha Pires Ramos Reis
            Simões Antunes Matos Fonseca Machado Araújo Barbosa Tavares Lourenço Castro Figueiredo Azevedo
            Freitas Magalhães Baptista Sá Brandão Cabral da_Silva da_Costa dos_Santos""",
        "nick": "José=Zé Francisco=Chico Manuel=Manel António=Tó Joaquim=Quim",
    },
    "br": {
        "weight": "3",
        "homes": "BR:72 PT:14 US:7 GB:7",
        "lang": "pt",
        "double": "0.4",
        "fitz": "2 10 30 35 18 5",
        "hair": "40 40 15 4 1 0",
        "male": """Lucas Gabriel Matheus Rafael Pedro Gustavo Felipe Guilherme Thiago Bruno Leonardo Rodrigo
            Diego Vinícius Eduardo Caio Henrique João Marcelo Fernando Ricardo Luiz Carlos Paulo Anderson
            Fábio Márcio Leandro Renato Alexandre Júlio_César Wesley Wellington Cristiano Raimundo Sebastião
            Otávio Davi Enzo Murilo Igor""",
        "female": """Ana Juliana Mariana Camila Fernanda Aline Patrícia Letícia Larissa Amanda Bruna Gabriela
            Beatriz Vanessa Tatiane Priscila Luana Carolina Daniela Renata Débora Jéssica Thaís Raquel
            Adriana""",
        "surnames": """Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro
            Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade
            Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Santana Teixeira Araújo
            Cavalcanti Monteiro Moura Correia Batista Pinto Campos Castro Melo Farias Azevedo Barros Cunha
            dos_Santos da_Silva de_Souza""",
        "nick": "Guilherme=Gui Gabriel=Gabi Eduardo=Dudu Rafael=Rafa Leonardo=Léo Felipe=Lipe",
    },
    "fr": {
        "weight": "5.5",
        "homes": "FR:85 BE:8 CH:4 GB:3",
        "lang": "fr",
        "fitz": "8 35 40 15 2 0",
        "hair": "12 42 30 10 5 1",
        "male": """Jean Pierre Michel Philippe Alain Nicolas Christophe Patrick Laurent Frédéric Éric Sébastien
            Julien David Olivier Stéphane Thierry Pascal Vincent Guillaume Thomas Mathieu Antoine Romain
            Maxime Alexandre Kévin Jérôme François Benoît Cédric Fabrice Arnaud Bruno Damien Yannick Hervé
            Gilles Didier Rémi Loïc Théo Hugo Lucas Baptiste Clément Quentin Gaël Jean-Luc Jean-Marc
            Jean-François Bertrand Régis Joël""",
        "female": """Marie Nathalie Isabelle Sylvie Catherine Sandrine Valérie Christine Céline Stéphanie Aurélie
            Émilie Julie Camille Caroline Sophie Élodie Audrey Laetitia Mélanie Chloé Léa Manon Inès Clémence
            Hélène Véronique Florence Agnès Amélie Anaïs Maëlle Noémie""",
        "surnames": """Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel
            Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau
            Vincent Muller Lefèvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand
            Gauthier Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu Masson Marchand Duval Denis
            Dumont Lemaire Noël Meyer Dufour Meunier Brun Blanchard Giraud Joly Rivière Brunet Gaillard
            Barbier Arnaud Gérard Roche Renard Schmitt Leroux Colin Vidal Caron Picard Fabre Aubert Lemoine
            Renaud Dumas Lacroix Bourgeois Benoît Leclerc Guillaume Lecomte Dupuy Guillot Hubert Berger
            Carpentier Dupuis Moulin Deschamps Fleury Royer Carré Ménard Le_Gall Le_Goff Prévost Lévêque
            Barthélemy Lemaître""",
        "nick": "Jean-Baptiste=JB Christophe=Chris Sébastien=Seb Frédéric=Fred Alexandre=Alex Dominique=Dom",
    },
    "de": {
        "weight": "7",
        "homes": "DE:82 AT:10 CH:8",
        "lang": "de",
        "fitz": "15 45 30 9 1 0",
        "hair": "5 35 30 17 12 1",
        "male": """Thomas Michael Andreas Stefan Christian Markus Frank Jürgen Peter Wolfgang Klaus Uwe Jörg
            Sven Tobias Jan Daniel Alexander Matthias Martin Florian Sebastian Dennis Patrick Marco Dirk Holger
            Ralf Torsten Björn Lukas Maximilian Felix Jonas Leon Paul Niklas Tim Philipp Moritz Fabian Kevin
            Marcel Dominik Benedikt Johannes Hans Günter Dieter Manfred Bernd Karl-Heinz Hans-Jürgen Heiko
            Timo Lars Simon Julian Malte Jens Kai Oliver Rüdiger Volker Carsten Stephan""",
        "female": """Sabine Andrea Claudia Susanne Petra Nicole Stefanie Julia Katharina Anna Lisa Laura Sarah
            Christina Melanie Sandra Anja Kerstin Birgit Heike Monika Jana Lena Hannah Sophie Franziska Annika
            Jessica Tanja Ute Gabriele Jutta""",
        "surnames": """Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch
            Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange
            Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer
            Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther
            Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter
            Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas
            Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Voigt Sauer
            Arnold Pfeiffer""",
        "nick": """Johannes=Hannes Maximilian=Max Alexander=Alex Matthias=Matze Sebastian=Basti
            Christian=Chris Tobias=Tobi Stefanie=Steffi Katharina=Kathi Franziska=Franzi""",
    },
    "nl": {
        "weight": "4",
        "homes": "NL:86 BE:14",
        "lang": "nl",
        "fitz": "15 45 30 9 1 0",
        "hair": "4 30 30 20 15 1",
        "male": """Jan Pieter Johannes Hendrik Cornelis Willem Gerrit Dirk Jeroen Sander Bas Thijs Daan Sem
            Lucas Bram Ruben Tim Niels Joost Martijn Maarten Wouter Erik Rob Marco Mark Frank Dennis Stefan
            Kees Henk Wim Hans Arjen Jasper Koen Lars Luuk Mees Stijn Teun Gijs Rutger Bart Floris Sjoerd
            Hidde Jelle Joris""",
        "female": """Anna Emma Sanne Lotte Femke Anouk Iris Eva Lisa Fleur Maaike Marieke Inge Els Petra Ingrid
            Annemieke Linda Saskia Mirjam Esther Ilse Janneke Nienke Roos""",
        "surnames": """de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer de_Boer
            Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra Smits de_Graaf
            van_der_Meer van_der_Linden Kok Jacobs de_Haan Vermeulen van_den_Heuvel van_der_Veen van_den_Broek
            de_Bruijn van_der_Heijden Schouten van_Beek Willems van_Vliet van_de_Ven Hoekstra Maas Verhoeven
            Koster van_Dam van_der_Wal Prins Blom Huisman Peeters Kuipers van_Veen Post Veenstra Kramer
            van_den_Brink Scholten van_Wijk Postma Martens Vink de_Ruiter Timmermans Groen Gerritsen Jonker
            van_Loon van_der_Velde Willemsen Smeets de_Lange de_Koning van_der_Laan Driessen van_Doorn
            van_der_Berg""",
        "nick": "Johannes=Hans,Jan Hendrik=Henk Cornelis=Kees Willem=Wim Gerrit=Gert Pieter=Piet",
    },
    "it": {
        "weight": "4.5",
        "homes": "IT:86 DE:5 GB:5 CH:4",
        "lang": "it",
        "fitz": "2 15 45 33 5 0",
        "hair": "25 50 20 4 1 0",
        "male": """Marco Giuseppe Giovanni Antonio Mario Luigi Francesco Alessandro Andrea Stefano Roberto Paolo
            Luca Matteo Lorenzo Davide Simone Federico Riccardo Gabriele Fabio Massimo Claudio Salvatore
            Vincenzo Pietro Domenico Alberto Emanuele Daniele Nicola Michele Carlo Sergio Giorgio Enrico
            Filippo Tommaso Leonardo Cristian Raffaele Gianluca Maurizio Fabrizio Angelo Niccolò Edoardo
            Pasquale Gaetano Ciro""",
        "female": """Giulia Francesca Chiara Sara Martina Valentina Alessia Elisa Federica Silvia Elena Laura
            Paola Anna Maria Giovanna Roberta Serena Alice Sofia Aurora Beatrice Ilaria Caterina Lucia Rosa""",
        "surnames": """Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti
            De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi
            Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola
            De_Santis D'Angelo Marchetti Parisi Villa Conte Ferraro Ferri Fabbri Bianco Marini Grasso
            Valentini Messina Sala De_Angelis Gatti Pellegrini Palumbo Sanna Farina Rizzi Monti Cattaneo
            Morelli Amato Silvestri Mazza Testa Grassi Carbone Giuliani Benedetti Barone Caputo Montanari
            Guerra Palmieri Bernardi Fiore De_Rosa Ferretti Bellini Basile D'Amico Orlando""",
        "nick": """Giuseppe=Beppe,Peppe Salvatore=Totò Alessandro=Alex Vincenzo=Enzo
            Domenico=Mimmo Giovanni=Gianni""",
    },
    "pl": {
        "weight": "5.5",
        "homes": "PL:72 GB:14 DE:9 IE:5",
        "lang": "pl",
        "fem": "pl",
        "fitz": "15 45 30 9 1 0",
        "hair": "5 35 30 17 12 1",
        "male": """Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Jakub Adam Łukasz Grzegorz Mateusz
            Wojciech Mariusz Dariusz Zbigniew Jerzy Marek Maciej Kamil Rafał Robert Jacek Janusz Kacper
            Bartosz Sebastian Szymon Dawid Damian Przemysław Sławomir Arkadiusz Radosław Tadeusz Ryszard
            Stanisław Henryk Józef Jan Kazimierz Zdzisław Bogdan Leszek Artur Patryk Filip Hubert Igor Wiktor
            Mikołaj Oskar Dominik Konrad Norbert Witold Bartłomiej Jarosław Mirosław""",
        "female": """Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Elżbieta Zofia Joanna
            Magdalena Monika Aleksandra Natalia Karolina Justyna Beata Dorota Jolanta Iwona Renata Paulina
            Marta Grażyna Halina Weronika Wiktoria Julia Zuzanna""",
        "surnames": """Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański
            Woźniak Dąbrowski Kozłowski Jankowski Mazur Wojciechowski Kwiatkowski Krawczyk Kaczmarek
            Piotrowski Grabowski Zając Pawłowski Michalski Król Wieczorek Jabłoński Wróbel Nowakowski Majewski
            Olszewski Stępień Malinowski Jaworski Adamczyk Dudek Nowicki Pawlak Górski Witkowski Walczak
            Sikora Baran Rutkowski Michalak Szewczyk Ostrowski Tomaszewski Pietrzak Duda Zalewski Wróblewski
            Jasiński Zawadzki Sadowski Jakubowski Włodarczyk Chmielewski Borkowski Czarnecki Sawicki
            Sokołowski Kubiak Maciejewski Szczepański Kucharski Wilk Kalinowski Lis Mazurek Wysocki
            Kaźmierczak Głowacki Zięba Węgrzyn Żak Łuczak Ćwikła Śliwiński Żukowski Maćkowiak Gęsicki""",
        "nick": """Aleksander=Olek Krzysztof=Krzysiek Tomasz=Tomek Grzegorz=Grzesiek Wojciech=Wojtek
            Mateusz=Mati Jakub=Kuba Bartłomiej=Bartek Przemysław=Przemek Sławomir=Sławek
            Małgorzata=Gosia Katarzyna=Kasia Aleksandra=Ola Magdalena=Magda Agnieszka=Aga""",
    },
    "cs": {
        "weight": "2",
        "homes": "CZ:90 DE:5 GB:5",
        "lang": "cs",
        "fitz": "15 45 30 9 1 0",
        "hair": "5 35 30 17 12 1",
        "male": """Jan Jiří Petr Josef Pavel Martin Tomáš Jaroslav Miroslav Zdeněk Václav Michal František Jakub
            Milan Karel Lukáš David Vladimír Ondřej Radek Marek Roman Stanislav Daniel Aleš Vojtěch Filip
            Matěj Libor Přemysl Antonín Vít""",
        "female": """Jana Marie Eva Hana Anna Lenka Kateřina Věra Lucie Alena Petra Jitka Martina Tereza Michaela
            Zuzana Barbora Veronika Markéta Šárka""",
        "surnames": """Novák/Nováková Svoboda/Svobodová Novotný/Novotná Dvořák/Dvořáková Černý/Černá
            Procházka/Procházková Kučera/Kučerová Veselý/Veselá Horák/Horáková Němec/Němcová Marek/Marková
            Pospíšil/Pospíšilová Pokorný/Pokorná Hájek/Hájková Král/Králová Jelínek/Jelínková
            Růžička/Růžičková Beneš/Benešová Fiala/Fialová Sedláček/Sedláčková Doležal/Doležalová
            Zeman/Zemanová Kolář/Kolářová Navrátil/Navrátilová Čermák/Čermáková Vaněk/Vaňková Urban/Urbanová
            Blažek/Blažková Kříž/Křížová Kovář/Kovářová Bartoš/Bartošová Vlček/Vlčková Polák/Poláková
            Musil/Musilová Kopecký/Kopecká Šimek/Šimková Holub/Holubová Štěpánek/Štěpánková""",
        "nick": "Jiří=Jirka Tomáš=Tom Václav=Vašek Josef=Pepa František=Franta Ondřej=Ondra Jaroslav=Jarda",
    },
    "tr": {
        "weight": "3.5",
        "homes": "TR:55 DE:30 NL:10 GB:5",
        "lang": "tr",
        "fitz": "2 12 45 35 6 0",
        "hair": "45 45 9 1 0 0",
        "male": """Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan Halil
            Süleyman Abdullah Mahmut Recep Emre Burak Serkan Volkan Kemal Cem Can Barış Oğuz Tolga Onur Uğur
            Gökhan Erkan Hakan Kadir Fatih Eren Kaan Berk Arda Çağrı Tarık Levent Şahin Erdem Yiğit Doğan Selim
            Bülent Özgür Tuncay""",
        "female": """Ayşe Fatma Emine Hatice Zeynep Elif Merve Özlem Esra Büşra Gül Derya Sevgi Yasemin Dilek
            Songül Tuğba Şeyma Ebru Aslı Ceren Gizem Nur Hülya""",
        "surnames": """Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç
            Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Özcan Korkmaz Çakır Erdoğan Yavuz Can Acar Şen Aktaş
            Güler Yalçın Güneş Bozkurt Bulut Keskin Ünal Turan Gül Özer Işık Kaplan Avcı Sarı Tekin Taş Köse
            Yüksel Ateş Aksoy Karataş Uçar Bağcı Dağlı Eğilmez Ağaoğlu""",
        "nick": "Mehmet=Memo Mustafa=Musti Abdullah=Apo",
    },
    "no": {
        "weight": "1.3",
        "homes": "NO:100",
        "lang": "no",
        "fitz": "25 50 20 5 0 0",
        "hair": "2 15 25 25 32 1",
        "male": """Ole Lars Jan Per Bjørn Kjell Knut Arne Svein Thomas Hans Geir Tor Terje Morten Erik Jørgen
            Håkon Øyvind Sindre Magnus Henrik Jonas Kristian Anders Espen Trond Eirik Stian Vegard Sigurd Ståle
            Rune Leif Åsmund""",
        "female": "Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Solveig Hilde Nina Ida Nora Åse Siri Tone",
        "surnames": """Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen
            Pettersen Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Halvorsen
            Henriksen Lund Sørensen Jakobsen Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen
            Martinsen Bakken Lie Ødegård Løken Sæther Bråten Aasen Grønlund Bjørnstad""",
    },
    "sv": {
        "weight": "1.4",
        "homes": "SE:100",
        "lang": "sv",
        "fitz": "25 50 20 5 0 0",
        "hair": "2 15 25 25 32 1",
        "male": """Lars Anders Johan Per Karl Erik Mikael Peter Jan Hans Björn Fredrik Daniel Magnus Mattias
            Andreas Jonas Niklas Oskar William Hugo Elias Filip Gustav Axel Emil Måns Sixten Göran Stefan Håkan
            Ulf Åke Leif Sven Kjell Joakim Linus Viktor""",
        "female": """Anna Eva Maria Karin Kristina Lena Sara Emma Elin Ingrid Linnéa Märta Sofia Åsa Ebba Agnes
            Maja Frida""",
        "surnames": """Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
            Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson
            Lindström Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist Mattsson
            Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Engström Eklund Håkansson Björk
            Nyström Löfgren Söderberg Åberg Öberg""",
    },
    "da": {
        "weight": "1.1",
        "homes": "DK:100",
        "lang": "da",
        "fitz": "25 50 20 5 0 0",
        "hair": "2 15 25 25 32 1",
        "male": """Jens Peter Lars Michael Henrik Søren Thomas Jan Morten Niels Anders Rasmus Martin Jesper
            Christian Mads Frederik Mikkel Kasper Jakob Emil Magnus Oliver Malthe Asger Bjarne Poul Torben Ebbe
            Kåre Ove""",
        "female": """Anne Kirsten Mette Hanne Lene Susanne Karen Maria Camilla Louise Pernille Signe Ida Freja
            Sofie Malene Birthe Bodil""",
        "surnames": """Nielsen Jensen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen
            Petersen Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen Knudsen
            Jakobsen Mikkelsen Olesen Frederiksen Laursen Henriksen Lund Østergaard Jeppesen Vestergaard
            Nissen Kjær Mogensen Nørgaard Thygesen Søndergaard Kjærgaard Bækgaard Frandsen""",
    },
    "vi": {
        "weight": "1.5",
        "homes": "VN:40 FR:15 DE:15 US:15 GB:15",
        "lang": "vi",
        "keeps": "1",
        "cjk": "vi",
        "fitz": "0 5 35 50 10 0",
        "hair": "88 12 0 0 0 0",
        "middle_m": "Văn Văn Văn Hữu Minh Quang Đức Thanh Công Quốc Xuân Ngọc Hoàng",
        "middle_f": "Thị Thị Thị Ngọc Thu Thanh Minh Hồng Kim Bảo",
        "male": """Đức Hùng Dũng Tuấn Hải Long Nam Sơn Thắng Trung Phong Huy Khoa Bảo Hoàng Minh Thành Phúc Tài
            Việt Anh Quân Cường Hiếu Lâm Khánh Tùng Vinh Lộc Thịnh Hưng Nghĩa Hòa Kiên""",
        "female": """Lan Hương Hoa Mai Linh Trang Thảo Ngọc Hằng Phương Hạnh Thủy Yến Nhung Loan Vy Anh Trinh
            Giang Huyền""",
        "surnames": """Nguyễn Nguyễn Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý
            Đinh Đào Lương Trịnh Mai Cao Lâm Tạ Hà Tô""",
        "abroad_m": "David Kevin Tony Danny Michael Peter Jimmy Andy Vincent Eric",
        "abroad_f": "Lily Anna Linda Jenny Amy Vivian",
    },
    "in": {
        "weight": "2.5",
        "homes": "IN:55 GB:30 US:10 AE:5",
        "lang": "en",
        "fitz": "0 0 10 40 40 10",
        "hair": "85 15 0 0 0 0",
        "male": """Rahul Amit Rajesh Sanjay Vikram Arjun Rohan Anil Sunil Vijay Ravi Suresh Ramesh Manoj Deepak
            Nikhil Aditya Karan Harpreet Gurpreet Mandeep Sandeep Pradeep Ajay Rakesh Ashok Mahesh Ganesh
            Venkatesh Srinivas Kiran Naveen Prakash Vivek Abhishek Ankit Varun Siddharth Aarav Vihaan Ishaan
            Kunal Hardeep Balwinder Sukhwinder Imran Farhan Ayaan""",
        "female": """Priya Anjali Neha Pooja Sunita Kavita Deepika Aishwarya Lakshmi Divya Shreya Meera Anita
            Rekha Simran Harleen Nisha Swati Ritu Sneha""",
        "surnames": """Patel Sharma Singh/Kaur Kumar Gupta Shah Mehta Joshi Verma Reddy Rao Nair Iyer Menon
            Pillai Desai Chopra Kapoor Malhotra Khanna Bhatia Sethi Arora Chauhan Yadav Mishra Pandey Tiwari
            Dubey Agarwal Jain Bansal Saxena Srivastava Banerjee Chatterjee Mukherjee Das Bose Ghosh Sen Dutta
            Naidu Krishnan Subramanian Gill Sandhu Sidhu Dhillon Grewal Khan Qureshi""",
        "nick": "Venkatesh=Venky Abhishek=Abhi Siddharth=Sid Aishwarya=Ash Lakshmi=Lux",
    },
    "ng": {
        "weight": "2.5",
        "homes": "NG:50 GB:45 US:5",
        "lang": "en",
        "fitz": "0 0 0 5 35 60",
        "hair": "92 8 0 0 0 0",
        "male": """Chinedu Emeka Obinna Chukwuemeka Ikenna Nnamdi Uchenna Chidi Tochukwu Kelechi Oluwaseun
            Olumide Babatunde Adebayo Ayodele Oluwafemi Olusegun Tunde Segun Femi Kayode Damilola Adewale Musa
            Ibrahim Abubakar Usman Aliyu Sani Yusuf Godwin Emmanuel Samuel David Daniel Victor Joseph Michael
            Kingsley Chibuike Ifeanyi Onyekachi Ebuka Tobi Dayo""",
        "female": """Chioma Ngozi Adaeze Nneka Amaka Ifeoma Chiamaka Funmilayo Folake Titilayo Yetunde Bukola
            Omolara Aisha Hauwa Zainab Blessing Grace Joy Precious Esther Temitope""",
        "surnames": """Okafor Okeke Okonkwo Eze Nwosu Obi Chukwu Onyeka Nnadi Ibe Okoro Uzor Anyanwu Okoye
            Nwachukwu Adeyemi Adebayo Ogunleye Olawale Adewale Balogun Bakare Afolabi Akinyemi Ogunbiyi
            Oladipo Adeleke Fashola Olatunji Ajayi Oyewole Bello Abubakar Mohammed Yusuf Ibrahim Musa Danjuma
            Lawal Sule Garba Etim Bassey Edet Okon Effiong""",
        "nick": """Chukwuemeka=Emeka Oluwaseun=Seun Oluwafemi=Femi Olusegun=Segun Babatunde=Tunde
            Oluwatobi=Tobi Ayodele=Ayo""",
    },
    "ar_l": {
        "weight": "2",
        "homes": "MA:22 AE:15 EG:8 FR:20 GB:15 NL:7 BE:6 DE:7",
        "lang": "en",
        "keeps": "1",
        "fitz": "0 5 30 45 17 3",
        "hair": "80 18 2 0 0 0",
        "male": """Mohammed Ahmed Ali Omar Youssef Karim Hassan Hussein Khalid Ibrahim Mahmoud Mustafa Tariq
            Samir Nabil Rachid Said Walid Hamza Bilal Ayoub Mehdi Adil Anas Amine Reda Sofiane Nassim Yassine
            Zakaria Abdelaziz Abdullah Ismail Faisal Fares Rami Ziad Majid Jamal Nizar Hicham Mounir""",
        "female": """Fatima Aisha Amina Leila Nadia Samira Yasmine Salma Rania Hanane Soukaina Meriem Khadija
            Noura Sara Imane Houda Zineb""",
        "surnames": """Al-Sayed Al-Masri Al-Hashimi Al-Farsi Al-Amin El_Amrani Benali Bennani Alaoui El_Idrissi
            Haddad Mansour Nasser Hamdan Saleh Hassan Darwish Abboud Aziz Ben_Ahmed Benmoussa Bouzid Chraibi
            El_Fassi Tazi Belkacem Boukhari Cherif Saadi Zaidi Rahmani Kaddouri Ghazali Khalil Abdallah
            Al-Rashid Al-Khatib Al-Tamimi El-Sherif Abdel-Rahman""",
        "nick": "Mohammed=Mo Abdullah=Abdul Zakaria=Zak",
    },
    # --- other scripts (about a fifth of clients) ---
    "el": {
        "weight": "3",
        "homes": "GR:75 CY:10 GB:8 DE:7",
        "lang": "el",
        "translit": "el",
        "fitz": "2 12 45 35 6 0",
        "hair": "35 45 15 4 1 0",
        "male": """Γιώργος Δημήτρης Κωνσταντίνος Νίκος Γιάννης Παναγιώτης Βασίλης Χρήστος Αθανάσιος Μιχάλης
            Ευάγγελος Σπύρος Αντώνης Ανδρέας Ηλίας Σταύρος Αλέξανδρος Πέτρος Στέλιος Μανώλης Λευτέρης
            Θοδωρής Άγγελος Απόστολος Χαράλαμπος Παύλος Φώτης Τάσος Άρης Λάμπρος Στάθης Μάριος""",
        "female": """Μαρία Ελένη Αικατερίνη Βασιλική Σοφία Αγγελική Γεωργία Δήμητρα Κωνσταντίνα Παρασκευή
            Ευαγγελία Χριστίνα Ιωάννα Αναστασία Δέσποινα Νίκη""",
        "surnames": """Παπαδόπουλος/Παπαδοπούλου Παπαδάκης/Παπαδάκη Παπαγεωργίου Οικονόμου Γεωργίου Νικολάου
            Βασιλείου Ιωάννου Δημητρίου Κωνσταντίνου Παπανικολάου Αντωνίου Μακρής/Μακρή Παππάς/Παππά
            Αθανασίου Χριστοδούλου Γεωργιάδης/Γεωργιάδου Αλεξανδρόπουλος/Αλεξανδροπούλου
            Κωνσταντινίδης/Κωνσταντινίδου Ιωαννίδης/Ιωαννίδου Παπαϊωάννου Καραγιάννης/Καραγιάννη
            Μαυρίδης/Μαυρίδου Σταθόπουλος/Σταθοπούλου Πετρόπουλος/Πετροπούλου Νικολαΐδης/Νικολαΐδου
            Βλάχος/Βλάχου Αναγνώστου Μιχαηλίδης/Μιχαηλίδου Λαμπράκης/Λαμπράκη Τσολάκης/Τσολάκη
            Κυριακίδης/Κυριακίδου Ζαχαρίου Σαββίδης/Σαββίδου Αλεξίου Γιαννόπουλος/Γιαννοπούλου Ευθυμίου""",
        "nick": """Κωνσταντίνος=Κώστας Παναγιώτης=Πάνος Αθανάσιος=Θανάσης Ευάγγελος=Βαγγέλης Χαράλαμπος=Μπάμπης
            Αικατερίνη=Κατερίνα Βασιλική=Βάσω Παρασκευή=Βούλα Γιώργος=George Νίκος=Nick""",
    },
    "ru": {
        "weight": "4",
        "homes": "RU:68 DE:16 GB:8 CY:4 CZ:4",
        "lang": "ru",
        "fem": "ru",
        "translit": "ru",
        "fitz": "15 45 30 9 1 0",
        "hair": "6 36 30 16 11 1",
        "male": """Александр Дмитрий Сергей Андрей Алексей Максим Иван Михаил Артём Никита Евгений Владимир
            Николай Павел Роман Денис Игорь Олег Юрий Виктор Константин Антон Илья Кирилл Егор Вадим Виталий
            Станислав Григорий Фёдор Тимофей Матвей Руслан Борис Геннадий Леонид Вячеслав Степан""",
        "female": """Анна Мария Елена Ольга Наталья Татьяна Ирина Екатерина Светлана Юлия Анастасия Дарья Ксения
            Алёна Виктория Людмила Галина Марина""",
        "surnames": """Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов
            Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров
            Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов
            Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв
            Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Вишневский
            Успенский Покровский Трубецкой""",
        "nick": """Александр=Саша,Sasha Дмитрий=Дима,Dima Алексей=Лёша Сергей=Серёжа Михаил=Миша Владимир=Вова
            Евгений=Женя Николай=Коля Максим=Макс,Max Иван=Ваня Павел=Паша Константин=Костя
            Екатерина=Катя,Katya Анастасия=Настя Мария=Маша Наталья=Наташа,Natasha Татьяна=Таня
            Ольга=Оля""",
    },
    "uk": {
        "weight": "3",
        "homes": "UA:62 PL:20 DE:12 GB:6",
        "lang": "uk",
        "fem": "uk",
        "translit": "uk",
        "fitz": "15 45 30 9 1 0",
        "hair": "6 36 30 16 11 1",
        "male": """Олександр Андрій Сергій Дмитро Володимир Олег Іван Михайло Юрій Василь Богдан Тарас Віталій
            Ярослав Максим Микола Петро Євген Остап Роман Ігор Степан Назар Артем Денис Віктор Григорій Павло
            Святослав Олексій Вадим Тимофій""",
        "female": """Олена Наталія Оксана Ірина Тетяна Юлія Світлана Марія Ольга Анна Катерина Людмила Галина
            Софія Вікторія Соломія Христина""",
        "surnames": """Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Коваль Поліщук Бойко
            Ткачук Мельник Лисенко Марченко Савченко Руденко Мороз Петренко Клименко Павленко Левченко
            Харченко Кузьменко Гончаренко Романенко Онищенко Приходько Кравчук Литвиненко Савчук Мартинюк
            Ковальчук Демченко Білоус Іваненко Гаврилюк Костенко Данилюк Яковенко Зінченко Карпенко Козак
            Сидоренко Гуменюк Дорошенко Панченко Ковальський Яворський Вишневський""",
        "nick": """Олександр=Саша,Sasha Володимир=Володя Михайло=Михась Дмитро=Діма Олексій=Льоша
            Катерина=Катя Соломія=Соля""",
    },
    "ar": {
        "weight": "3",
        "homes": "AE:35 SA:32 EG:20 JO:8 GB:5",
        "lang": "ar",
        "keeps": "1",
        "fitz": "0 5 30 45 17 3",
        "hair": "82 16 2 0 0 0",
        "male": """محمد=Mohammed أحمد=Ahmed علي=Ali عمر=Omar يوسف=Youssef خالد=Khalid حسن=Hassan حسين=Hussein
            إبراهيم=Ibrahim محمود=Mahmoud مصطفى=Mustafa عبدالله=Abdullah عبدالرحمن=Abdulrahman فيصل=Faisal
            سعود=Saud فهد=Fahad سلطان=Sultan ماجد=Majid طارق=Tariq كريم=Karim سامي=Sami ناصر=Nasser
            وليد=Walid حمزة=Hamza بلال=Bilal زياد=Ziad رامي=Rami عادل=Adel هشام=Hisham ياسر=Yasser
            منصور=Mansour سعيد=Saeed جمال=Jamal نبيل=Nabil تركي=Turki راشد=Rashid سالم=Salem""",
        "female": """فاطمة=Fatima عائشة=Aisha مريم=Maryam نورة=Noura سارة=Sara ليلى=Layla أمل=Amal هدى=Huda
            ريم=Reem دانة=Dana لينا=Lina رنا=Rana سلمى=Salma ياسمين=Yasmin منى=Mona""",
        "surnames": """العلي=Al-Ali الحربي=Al-Harbi القحطاني=Al-Qahtani الغامدي=Al-Ghamdi الزهراني=Al-Zahrani
            الشمري=Al-Shammari العتيبي=Al-Otaibi الدوسري=Al-Dosari المطيري=Al-Mutairi السيد=Al-Sayed
            المصري=Al-Masri الهاشمي=Al-Hashimi الخطيب=Al-Khatib التميمي=Al-Tamimi الرشيد=Al-Rashid
            المنصوري=Al-Mansouri الكعبي=Al-Kaabi النعيمي=Al-Nuaimi الشامسي=Al-Shamsi المهيري=Al-Muhairi
            الفلاسي=Al-Falasi حداد=Haddad منصور=Mansour ناصر=Nasser حسن=Hassan إبراهيم=Ibrahim
            عبدالله=Abdullah سليمان=Suleiman خليل=Khalil يوسف=Youssef صالح=Saleh عثمان=Othman درويش=Darwish
            عيسى=Issa البنا=El-Banna الشريف=El-Sherif""",
    },
    "zh": {
        "weight": "3",
        "homes": "CN:62 GB:16 US:14 CA:4 AU:4",
        "lang": "zh",
        "keeps": "1",
        "cjk": "1",
        "fitz": "0 10 50 35 5 0",
        "hair": "90 10 0 0 0 0",
        "male": """伟=Wei 强=Qiang 磊=Lei 军=Jun 勇=Yong 杰=Jie 涛=Tao 明=Ming 超=Chao 刚=Gang 平=Ping 辉=Hui
            鹏=Peng 斌=Bin 浩=Hao 宇=Yu 俊杰=Junjie 浩然=Haoran 子轩=Zixuan 志强=Zhiqiang 建华=Jianhua
            建国=Jianguo 文博=Wenbo 宇航=Yuhang 鑫=Xin 健=Jian 峰=Feng 亮=Liang 海=Hai 东=Dong 龙=Long
            家豪=Jiahao 天宇=Tianyu 博文=Bowen 思远=Siyuan 嘉诚=Jiacheng""",
        "female": """芳=Fang 娜=Na 敏=Min 静=Jing 丽=Li 秀英=Xiuying 婷=Ting 雪=Xue 琳=Lin 欣怡=Xinyi 雨涵=Yuhan
            佳怡=Jiayi 梓涵=Zihan 慧=Hui 燕=Yan""",
        "surnames": """王=Wang 李=Li 张=Zhang 刘=Liu 陈=Chen 杨=Yang 黄=Huang 赵=Zhao 吴=Wu 周=Zhou 徐=Xu
            孙=Sun 马=Ma 朱=Zhu 胡=Hu 郭=Guo 何=He 林=Lin 高=Gao 罗=Luo 郑=Zheng 梁=Liang 谢=Xie 宋=Song
            唐=Tang 许=Xu 韩=Han 冯=Feng 邓=Deng 曹=Cao 彭=Peng 曾=Zeng 萧=Xiao 田=Tian 董=Dong 潘=Pan
            袁=Yuan 蔡=Cai 蒋=Jiang 余=Yu 杜=Du 叶=Ye 程=Cheng 魏=Wei 苏=Su 吕=Lyu""",
        "abroad_m": "David Kevin Jason Eric Tony Vincent Jack Michael Peter Alan Leo",
        "abroad_f": "Lily Grace Amy Cindy Vivian Joyce",
    },
    "ja": {
        "weight": "1.5",
        "homes": "JP:85 US:8 GB:7",
        "lang": "ja",
        "cjk": "1",
        "fitz": "0 10 50 35 5 0",
        "hair": "88 12 0 0 0 0",
        "male": """健太=Kenta 翔太=Shota 大輔=Daisuke 拓也=Takuya 直樹=Naoki 和也=Kazuya 亮=Ryo 誠=Makoto
            浩二=Koji 健一=Kenichi 隆=Takashi 博=Hiroshi 茂=Shigeru 悠斗=Yuto 蓮=Ren 陽翔=Haruto 大樹=Daiki
            翔=Sho 達也=Tatsuya 雄一=Yuichi 修=Osamu 聡=Satoshi 剛=Tsuyoshi 哲也=Tetsuya 裕太=Yuta 慎也=Shinya""",
        "female": """陽子=Yoko 恵子=Keiko 由美=Yumi 美咲=Misaki さくら=Sakura 愛=Ai 花子=Hanako 真由美=Mayumi
            智子=Tomoko 結衣=Yui 彩=Aya""",
        "surnames": """佐藤=Sato 鈴木=Suzuki 高橋=Takahashi 田中=Tanaka 伊藤=Ito 渡辺=Watanabe 山本=Yamamoto
            中村=Nakamura 小林=Kobayashi 加藤=Kato 吉田=Yoshida 山田=Yamada 佐々木=Sasaki 山口=Yamaguchi
            松本=Matsumoto 井上=Inoue 木村=Kimura 林=Hayashi 斎藤=Saito 清水=Shimizu 山崎=Yamazaki 森=Mori
            池田=Ikeda 橋本=Hashimoto 阿部=Abe 石川=Ishikawa 前田=Maeda 藤田=Fujita 小川=Ogawa 岡田=Okada
            後藤=Goto 長谷川=Hasegawa 村上=Murakami 近藤=Kondo""",
    },
    "ko": {
        "weight": "1.5",
        "homes": "KR:85 US:10 GB:5",
        "lang": "ko",
        "keeps": "1",
        "cjk": "1",
        "fitz": "0 10 50 35 5 0",
        "hair": "88 12 0 0 0 0",
        "male": """민준=Min-jun 서준=Seo-jun 도윤=Do-yun 예준=Ye-jun 시우=Si-woo 주원=Joo-won 하준=Ha-jun
            지호=Ji-ho 지훈=Ji-hoon 준서=Jun-seo 성민=Sung-min 현우=Hyun-woo 동현=Dong-hyun 정훈=Jung-hoon
            상철=Sang-chul 영수=Young-soo 재현=Jae-hyun 승현=Seung-hyun 태현=Tae-hyun 준호=Jun-ho 진우=Jin-woo
            민호=Min-ho 성호=Sung-ho 영호=Young-ho 우진=Woo-jin 건우=Geon-woo""",
        "female": """서연=Seo-yeon 지우=Ji-woo 서윤=Seo-yun 민서=Min-seo 하은=Ha-eun 지민=Ji-min 수빈=Su-bin
            은지=Eun-ji 영희=Young-hee 미영=Mi-young 지현=Ji-hyun""",
        "surnames": """김=Kim 이=Lee 박=Park 최=Choi 정=Jung 강=Kang 조=Cho 윤=Yoon 장=Jang 임=Lim 한=Han 오=Oh
            서=Seo 신=Shin 권=Kwon 황=Hwang 안=Ahn 송=Song 전=Jeon 홍=Hong 류=Ryu 고=Ko 문=Moon 양=Yang
            손=Son 배=Bae 백=Baek 허=Heo 노=Noh""",
        "abroad_m": "Daniel David John Paul Steven Brian Kevin",
        "abroad_f": "Grace Jenny Sophia Esther",
    },
}

# --- Countries: phone ranges, cities with postcode templates, streets, how a street line is written --------
# line1/line2 fill {s} street, {n} house number, {b} long US-style number, {m} flat, {k} apartment,
# {a} small number, {L}/{l} a letter. line2 is used with probability p2.
COUNTRIES: dict[str, dict[str, str]] = {
    "GB": {
        "phone": "740 746 747 748 749 751 753 754 756 757 758 759 771 772 773 774 775 776 777 780 784 785 786 787 "
        "788 789 790 792 794 795 796 797 798 799:7",
        "format": "+44 xxxx xxxxxx",
        "cities": """London=SW1#_#@@|E1#_#@@|N1#_#@@|SE1#_#@@|NW%_#@@|W%_#@@ Manchester=M%_#@@|M2#_#@@
            Birmingham=B1#_#@@|B2#_#@@ Leeds=LS%_#@@ Liverpool=L1#_#@@ Bristol=BS%_#@@ Sheffield=S1#_#@@
            Newcastle_upon_Tyne=NE%_#@@ Nottingham=NG%_#@@ Leicester=LE%_#@@ Cardiff=CF1#_#@@ Brighton=BN1_#@@
            Southampton=SO1#_#@@ Belfast=BT%_#@@ Reading=RG%_#@@ Milton_Keynes=MK%_#@@ Coventry=CV%_#@@
            Norwich=NR%_#@@ Oxford=OX%_#@@ Cambridge=CB%_#@@ Salford=M%_#@@ Stockport=SK%_#@@""",
        "streets": """High_Street Station_Road Church_Lane Park_Road Victoria_Road Green_Lane Manor_Road
            Church_Street Kings_Road Queens_Road New_Road Mill_Lane Grange_Road London_Road Albert_Road
            The_Avenue Springfield_Road Windsor_Road Chester_Road Highfield_Road York_Road Stanley_Road
            Richmond_Road Alexandra_Road Elm_Grove Oak_Avenue Beech_Close Meadow_Way Orchard_Close""",
        "line1": "{n} {s}",
        "line2": "Flat {m}",
        "p2": "0.2",
    },
    "GB_SCO": {
        "iso": "GB",
        "phone": "740 747 748 749 751 753 754 771 772 773 774 775 776 777 780 784 786 790 792:7",
        "format": "+44 xxxx xxxxxx",
        "cities": """Glasgow=G%_#@@|G1#_#@@ Edinburgh=EH%_#@@|EH1#_#@@ Aberdeen=AB1#_#@@ Dundee=DD%_#@@
            Inverness=IV%_#@@ Stirling=FK%_#@@ Perth=PH%_#@@ Paisley=PA%_#@@""",
        "streets": """High_Street Main_Street Sauchiehall_Street Princes_Street Union_Street Great_Western_Road
            Leith_Walk Byres_Road Dumbarton_Road Morningside_Road Queen_Street George_Street Castle_Street
            Marchmont_Road""",
        "line1": "{n} {s}",
        "line2": "Flat {a}/1|Flat {a}/2",
        "p2": "0.35",
    },
    "IE": {
        "phone": "83 85 86 87 89:7",
        "format": "+353 xx xxx xxxx",
        "cities": """Dublin=D0%_@#@#|D1#_@#@# Cork=T12_@#@# Galway=H91_@#@# Limerick=V94_@#@#
            Waterford=X91_@#@# Kilkenny=R95_@#@# Drogheda=A92_@#@# Sligo=F91_@#@#""",
        "streets": """Main_Street O'Connell_Street Church_Road Grafton_Street Patrick_Street Shop_Street
            Castle_Street Bridge_Street Chapel_Lane Station_Road Mill_Road Green_Lane Abbey_Street""",
        "line1": "{n} {s}",
        "line2": "Apartment {m}",
        "p2": "0.2",
    },
    "US": {
        "phone": " ".join(
            f"{area}{d}"
            for area in ("212", "305", "312", "404", "415", "512", "617", "646", "713", "718", "917", "206", "303")
            for d in "23456789"
        )
        + ":6",
        "format": "+1 xxx-xxx-xxxx",
        "cities": """New_York,_NY=100## Los_Angeles,_CA=900## Chicago,_IL=606## Houston,_TX=770##
            San_Francisco,_CA=941## Boston,_MA=021## Miami,_FL=331## Seattle,_WA=981## Austin,_TX=787##
            Atlanta,_GA=303## Denver,_CO=802##""",
        "streets": """Main_Street Oak_Street Maple_Avenue Park_Avenue Washington_Street Elm_Street 2nd_Street
            Cedar_Lane Lake_Drive Sunset_Boulevard Pine_Street Broadway Hill_Road""",
        "line1": "{b} {s}",
        "line2": "Apt {m}",
        "p2": "0.3",
    },
    "CA": {
        "phone": " ".join(f"{a}{d}" for a in ("416", "604", "514") for d in "23456789") + ":6",
        "format": "+1 xxx-xxx-xxxx",
        "cities": """Toronto,_ON=M%@_#@# Vancouver,_BC=V%@_#@# Montréal,_QC=H%@_#@# Calgary,_AB=T%@_#@#
            Ottawa,_ON=K%@_#@#""",
        "streets": """Yonge_Street Queen_Street_West King_Street Main_Street Robson_Street Rue_Sainte-Catherine
            Bank_Street 17th_Avenue_SW""",
        "line1": "{b} {s}",
        "line2": "Unit {m}",
        "p2": "0.3",
    },
    "AU": {
        "phone": "40 41 42 43 46:7",
        "format": "+61 xxx xxx xxx",
        "cities": "Sydney_NSW=20## Melbourne_VIC=30## Brisbane_QLD=40## Perth_WA=60## Adelaide_SA=50##",
        "streets": """George_Street Collins_Street Queen_Street Hay_Street King_William_Street Pitt_Street
            Bourke_Street Chapel_Street Beach_Road Smith_Street""",
        "line1": "{n} {s}",
        "line2": "Unit {m}",
        "p2": "0.25",
    },
    "ES": {
        "phone": "60 61 62 63 64 65 66 67 68 69 71 72 73 74:7",
        "format": "+34 xxx xx xx xx",
        "cities": """Madrid=280## Barcelona=080## Valencia=460## Sevilla=410## Zaragoza=500## Málaga=290##
            Bilbao=480## Alicante=030## Córdoba=140## Valladolid=470## A_Coruña=150## Murcia=300##""",
        "streets": """Calle_Mayor Gran_Vía Calle_de_Alcalá Avenida_de_la_Constitución Calle_Real Plaza_de_España
            Calle_San_Francisco Paseo_de_Gracia Calle_del_Sol Avenida_de_Andalucía Calle_Nueva
            Calle_de_la_Iglesia Rambla_de_Catalunya""",
        "line1": "{s}, {n}",
        "line2": "{a}º {L}",
        "p2": "0.6",
    },
    "PT": {
        "phone": "91 92 93 96:7",
        "format": "+351 xxx xxx xxx",
        "cities": """Lisboa=1###-### Porto=4###-### Braga=47##-### Coimbra=30##-### Faro=80##-###
            Setúbal=29##-###""",
        "streets": """Rua_Augusta Avenida_da_Liberdade Rua_de_Santa_Catarina Rua_do_Comércio Avenida_da_República
            Rua_Direita Rua_da_Liberdade Rua_Dom_João_V Travessa_do_Carmo Largo_do_Rato""",
        "line1": "{s}, {n}",
        "line2": "{a}º Esq.|{a}º Dto.",
        "p2": "0.5",
    },
    "BR": {
        "phone": "119 219 319 419 519 619 719 819:8",
        "format": "+55 xx xxxxx-xxxx",
        "cities": """São_Paulo=0####-### Rio_de_Janeiro=2####-### Belo_Horizonte=3####-### Curitiba=8####-###
            Porto_Alegre=9####-### Salvador=4####-### Recife=5####-### Brasília=7####-### Fortaleza=60###-###""",
        "streets": """Rua_Oscar_Freire Avenida_Paulista Rua_Augusta Avenida_Atlântica Rua_XV_de_Novembro
            Avenida_Brasil Rua_das_Flores Rua_São_José Avenida_Getúlio_Vargas Rua_Sete_de_Setembro""",
        "line1": "{s}, {n}",
        "line2": "Apto {k}",
        "p2": "0.4",
    },
    "FR": {
        "phone": "60 61 62 64 65 66 67 68 73 74 75 76 77 78:7",
        "format": "+33 x xx xx xx xx",
        "cities": """Paris=750## Lyon=6900% Marseille=130## Toulouse=310## Nice=060## Nantes=440##
            Bordeaux=330## Lille=590## Strasbourg=670## Montpellier=340## Rennes=350##""",
        "streets": """rue_de_la_République rue_Victor_Hugo avenue_Jean_Jaurès rue_Pasteur boulevard_Voltaire
            rue_de_la_Paix rue_du_Moulin place_de_la_Mairie avenue_du_Général_de_Gaulle rue_des_Écoles
            rue_Nationale rue_de_l'Église chemin_des_Vignes allée_des_Tilleuls""",
        "line1": "{n} {s}|{n} bis {s}",
        "line2": "Bâtiment {L}|Appartement {m}",
        "p2": "0.2",
    },
    "BE": {
        "phone": "470 471 472 473 474 475 476 477 478 479 484 485 486 487 488 489 490 491 492 493 494 495 496 "
        "497 498 499:6",
        "format": "+32 xxx xx xx xx",
        "cities": """Antwerpen=20## Gent=90## Brussel=1000 Bruxelles=10#0 Liège=4000 Brugge=8000 Leuven=3000
            Charleroi=6000""",
        "streets": """Meir Veldstraat Nieuwstraat Rue_Neuve Rue_de_la_Loi Avenue_Louise Kerkstraat
            Stationsstraat Grote_Markt Rue_Saint-Gilles""",
        "line1": "{s} {n}",
        "line2": "bus {a}",
        "p2": "0.2",
    },
    "CH": {
        "phone": "76 77 78 79:7",
        "format": "+41 xx xxx xx xx",
        "cities": "Zürich=80## Genève=12## Basel=40## Bern=30## Lausanne=10## Luzern=60## Winterthur=84##",
        "streets": """Bahnhofstrasse Hauptstrasse Dorfstrasse Kirchgasse Seestrasse Rue_du_Rhône
            Schulhausstrasse Industriestrasse Rosenweg Poststrasse""",
        "line1": "{s} {n}",
        "line2": "",
        "p2": "0",
    },
    "DE": {
        "phone": "151 152 157 159 176 177 178 179:8;160 162 163 170 171 172 173 174 175:7",
        "format": "+49 xxx *",
        "cities": """Berlin=10###|12###|13### Hamburg=20###|22### München=80###|81### Köln=50###|51###
            Frankfurt_am_Main=60### Stuttgart=70### Düsseldorf=40### Leipzig=04### Dortmund=44### Essen=45###
            Bremen=28### Dresden=01### Hannover=30### Nürnberg=90###""",
        "streets": """Hauptstraße Schulstraße Gartenstraße Bahnhofstraße Dorfstraße Bergstraße Birkenweg
            Lindenstraße Kirchstraße Waldstraße Ringstraße Schillerstraße Goethestraße Am_Markt
            Friedrichstraße Mühlenweg Rosenweg Sonnenallee Königsallee""",
        "line1": "{s} {n}|{s} {n}|{s} {n}{l}",
        "line2": "",
        "p2": "0",
    },
    "AT": {
        "phone": "664 660 676 650:7",
        "format": "+43 xxx *",
        "cities": "Wien=1#%0 Graz=80## Linz=40## Salzburg=50## Innsbruck=60##",
        "streets": """Mariahilfer_Straße Hauptplatz Landstraßer_Hauptstraße Herrengasse Kärntner_Straße
            Schulgasse Bahnhofstraße Kirchengasse Lerchenfelder_Straße""",
        "line1": "{s} {n}",
        "line2": "Top {m}|Stiege {a}/Top {m}",
        "p2": "0.5",
    },
    "NL": {
        "phone": "61 62 63 64 65 68:7",
        "format": "+31 x xxxxxxxx",
        "cities": """Amsterdam=10##_@@ Rotterdam=30##_@@ Den_Haag=25##_@@ Utrecht=35##_@@ Eindhoven=56##_@@
            Groningen=97##_@@ Tilburg=50##_@@ Haarlem=20##_@@""",
        "streets": """Kalverstraat Dorpsstraat Kerkstraat Stationsweg Hoofdstraat Molenstraat Schoolstraat
            Julianalaan Wilhelminastraat Prinsengracht Keizersgracht Oranjestraat""",
        "line1": "{s} {n}|{s} {n}-{l}",
        "line2": "",
        "p2": "0",
    },
    "IT": {
        "phone": "320 328 333 338 340 347 348 349 366 380 388 389 391 392 393:7",
        "format": "+39 xxx xxx xxxx",
        "cities": """Roma=001## Milano=201## Napoli=801## Torino=101## Palermo=901## Bologna=401## Firenze=501##
            Genova=161## Bari=701## Verona=371##""",
        "streets": """Via_Roma Via_Garibaldi Via_Mazzini Corso_Vittorio_Emanuele_II Via_Dante Via_Verdi
            Corso_Italia Via_Cavour Via_Marconi Piazza_della_Repubblica Via_Nazionale Via_XX_Settembre""",
        "line1": "{s} {n}|{s}, {n}",
        "line2": "Scala {L}, int. {m}",
        "p2": "0.15",
    },
    "PL": {
        "phone": "50 51 53 57 60 66 69 72 73 78 79 88:7",
        "format": "+48 xxx xxx xxx",
        "cities": """Warszawa=0#-### Kraków=3#-### Łódź=9#-### Wrocław=5#-### Poznań=6#-### Gdańsk=80-###
            Szczecin=7#-### Lublin=20-### Katowice=40-### Białystok=15-### Bydgoszcz=85-### Rzeszów=35-###""",
        "streets": """ul._Marszałkowska ul._Piotrkowska ul._Długa ul._Mickiewicza ul._Słowackiego ul._Kościuszki
            ul._Polna ul._Leśna ul._Ogrodowa ul._Kwiatowa ul._Szkolna ul._Źródlana ul._Żeromskiego
            al._Jerozolimskie""",
        "line1": "{s} {n}|{s} {n}/{m}",
        "line2": "",
        "p2": "0",
    },
    "CZ": {
        "phone": "601 602 603 604 605 606 607 608 720 721 722 723 724 725 730 731 732 733 734 736 737 739 770 "
        "771 772 773 774 775 776 777 778 779 790 791 792 793 797 799:6",
        "format": "+420 xxx xxx xxx",
        "cities": "Praha=1#%_00 Brno=6#%_00 Ostrava=7#%_00 Plzeň=3#%_00 Olomouc=77%_00 Liberec=46%_0#",
        "streets": """Vinohradská Národní Masarykova Husova Palackého Nádražní Komenského Školní Zahradní
            Jiráskova Smetanova Dvořákova Žižkova""",
        "line1": "{s} {n}|{s} {b}/{a}",
        "line2": "",
        "p2": "0",
    },
    "TR": {
        "phone": "501 505 506 507 530 531 532 533 534 535 536 537 538 539 541 542 543 544 545 546 547 548 549 "
        "551 552 553 554 555:7",
        "format": "+90 xxx xxx xx xx",
        "cities": "İstanbul=34### Ankara=06### İzmir=35### Bursa=16### Antalya=07### Eskişehir=26### Muğla=48###",
        "streets": """Atatürk_Caddesi İstiklal_Caddesi Cumhuriyet_Caddesi Bağdat_Caddesi
            Gazi_Mustafa_Kemal_Bulvarı Barbaros_Bulvarı Menekşe_Sokak Lale_Sokak Gül_Sokak Çiçek_Sokak""",
        "line1": "{s} No: {n}",
        "line2": "Daire {m}",
        "p2": "0.6",
    },
    "NO": {
        "phone": "40 41 46 47 48 90 91 92 93 94 95 97 98 99:6",
        "format": "+47 xxx xx xxx",
        "cities": "Oslo=0%## Bergen=50## Trondheim=70## Stavanger=40## Tromsø=90## Bodø=80## Ålesund=60##",
        "streets": """Karl_Johans_gate Storgata Kirkegata Bogstadveien Thorvald_Meyers_gate Skolegata Parkveien
            Fjordveien Strandgata Kongens_gate Dronningens_gate Sjøgata Bryggen Løkkeveien""",
        "line1": "{s} {n}|{s} {n}{L}",
        "line2": "",
        "p2": "0",
    },
    "SE": {
        "phone": "70 72 73 76 79:7",
        "format": "+46 xx xxx xx xx",
        "cities": """Stockholm=1%#_## Göteborg=4%#_## Malmö=2%#_## Uppsala=75%_## Västerås=72%_##
            Örebro=70%_## Linköping=58%_##""",
        "streets": """Drottninggatan Storgatan Kungsgatan Vasagatan Sveavägen Götgatan Östra_Hamngatan
            Södra_Vägen Järnvägsgatan Skolgatan Kyrkogatan""",
        "line1": "{s} {n}",
        "line2": "lgh 1{a}0{a}",
        "p2": "0.4",
    },
    "DK": {
        "phone": "26 27 28:6",
        "format": "+45 xx xx xx xx",
        "cities": """København_K=1#%# København_N=2200 Aarhus_C=8000 Odense_C=5000 Aalborg=9000 Esbjerg=6700
            Frederiksberg=1#%#""",
        "streets": """Strøget Vesterbrogade Nørrebrogade Østerbrogade Amagerbrogade Jernbanegade Søndergade
            Nørregade Algade Torvegade Åboulevarden""",
        "line1": "{s} {n}",
        "line2": "{a}. tv.|{a}. th.",
        "p2": "0.5",
    },
    "VN": {
        "phone": "90 91 93 94 96 97 98 32 33 34 35 36 37 38 39 70 76 77 78 79 81 82 83 84 85 86 88:7",
        "format": "+84 xxx xxx xxx",
        "cities": """Thành_phố_Hồ_Chí_Minh=700000 Hà_Nội=100000 Đà_Nẵng=550000 Hải_Phòng=180000
            Cần_Thơ=900000 Huế=530000""",
        "streets": """Lê_Lợi Nguyễn_Huệ Trần_Hưng_Đạo Hai_Bà_Trưng Lý_Thường_Kiệt Điện_Biên_Phủ Nguyễn_Trãi
            Lê_Duẩn Phan_Chu_Trinh Hoàng_Diệu""",
        "line1": "{n} {s}",
        "line2": "Phường {a}",
        "p2": "0.5",
    },
    "IN": {
        "phone": "90 91 93 94 95 96 97 98 99:8",
        "format": "+91 xxxxx xxxxx",
        "cities": """Mumbai=400### Delhi=110### Bengaluru=560### Chennai=600### Hyderabad=500### Pune=411###
            Kolkata=700### Ahmedabad=380### Chandigarh=160###""",
        "streets": """MG_Road Station_Road Park_Street Nehru_Road Gandhi_Nagar Linking_Road Brigade_Road
            Anna_Salai Civil_Lines Main_Road""",
        "line1": "{n} {s}",
        "line2": "Flat {k}",
        "p2": "0.5",
    },
    "NG": {
        "phone": "803 806 813 816 703 706 810 814 903 906 802 808 812 701 708 805 807 815 905 809 817 818 909 908:7",
        "format": "+234 xxx xxx xxxx",
        "cities": """Lagos=100### Abuja=900### Port_Harcourt=500### Ibadan=200### Enugu=400### Kano=700###
            Benin_City=300###""",
        "streets": """Allen_Avenue Awolowo_Road Adeola_Odeku_Street Herbert_Macaulay_Way Ahmadu_Bello_Way
            Aminu_Kano_Crescent Ogui_Road Bode_Thomas_Street""",
        "line1": "{n} {s}",
        "line2": "",
        "p2": "0",
    },
    "MA": {
        "phone": "61 62 65 66 67 70:7",
        "format": "+212 x xx xx xx xx",
        "cities": "Casablanca=20### Rabat=10### Marrakech=40### Tanger=90### Fès=30### Agadir=80###",
        "streets": """Boulevard_Mohammed_V Avenue_Hassan_II Rue_Ibn_Battouta Boulevard_Zerktouni Avenue_des_FAR
            Rue_de_Fès""",
        "line1": "{n} {s}",
        "line2": "Appartement {m}",
        "p2": "0.3",
    },
    "AE": {
        "phone": "50 52 54 55 56 58:7",
        "format": "+971 xx xxx xxxx",
        "cities": "Dubai= Abu_Dhabi= Sharjah= Ajman=",
        "streets": """Sheikh_Zayed_Road Al_Wasl_Road Jumeirah_Beach_Road Al_Khail_Road Corniche_Road Hamdan_Street
            Al_Muroor_Road""",
        "line1": "Villa {n}, {s}|Apartment {k}, {s}",
        "line2": "",
        "p2": "0",
    },
    "SA": {
        "phone": "50 53 54 55 56 58 59:7",
        "format": "+966 xx xxx xxxx",
        "cities": "الرياض=1%### جدة=2%### الدمام=3%### مكة_المكرمة=24### المدينة_المنورة=42###",
        "streets": "طريق_الملك_فهد طريق_الملك_عبدالله شارع_التحلية شارع_العليا طريق_الأمير_سلطان شارع_الأمير_محمد",
        "line1": "{n} {s}",
        "line2": "",
        "p2": "0",
    },
    "EG": {
        "phone": "10 11 12 15:8",
        "format": "+20 xx xxxx xxxx",
        "cities": "القاهرة=11### الإسكندرية=21### الجيزة=12### المنصورة=35###",
        "streets": "شارع_التحرير شارع_الهرم شارع_جامعة_الدول_العربية شارع_قصر_النيل شارع_طلعت_حرب شارع_فيصل",
        "line1": "{n} {s}",
        "line2": "شقة {m}",
        "p2": "0.4",
    },
    "JO": {
        "phone": "792 793 794 795 796 797 798:6",
        "format": "+962 x xxxx xxxx",
        "cities": "عمّان=11### إربد=21### الزرقاء=13###",
        "streets": "شارع_الرينبو شارع_مكة شارع_الجاردنز شارع_زهران شارع_وصفي_التل",
        "line1": "{n} {s}",
        "line2": "",
        "p2": "0",
    },
    "GR": {
        "phone": "690 693 694 695 697 698 699:7",
        "format": "+30 xxx xxx xxxx",
        "cities": "Αθήνα=1%#_## Θεσσαλονίκη=54#_## Πάτρα=26#_## Ηράκλειο=71#_## Λάρισα=41#_## Βόλος=38#_##",
        "streets": """Ερμού Σταδίου Πανεπιστημίου Αιόλου Ακαδημίας Πατησίων Βασιλίσσης_Σοφίας Αλεξάνδρας Εγνατίας
            Τσιμισκή Μητροπόλεως""",
        "line1": "{s} {n}",
        "line2": "",
        "p2": "0",
    },
    "CY": {
        "phone": "96 97 99:6",
        "format": "+357 xx xxxxxx",
        "cities": "Λευκωσία=1%## Λεμεσός=3%## Λάρνακα=6%## Πάφος=8%##",
        "streets": "Λεωφόρος_Μακαρίου Λήδρας Ονασαγόρου Αρχιεπισκόπου_Κυπριανού Αγίου_Ανδρέα",
        "line1": "{s} {n}",
        "line2": "Διαμέρισμα {a}0{a}",
        "p2": "0.4",
    },
    "RU": {
        "phone": "90 91 92 95 96 98 99:8",
        "format": "+7 xxx xxx-xx-xx",
        "cities": "Москва=1%#### Санкт-Петербург=19#### Казань=420### Новосибирск=630### Екатеринбург=620###",
        "streets": """ул._Тверская ул._Ленина ул._Гагарина ул._Садовая пр._Мира ул._Пушкина ул._Советская
            ул._Лесная Невский_пр.""",
        "line1": "{s}, д. {n}",
        "line2": "кв. {m}",
        "p2": "0.7",
    },
    "UA": {
        "phone": "50 63 66 67 68 73 93 95 96 97 98 99:7",
        "format": "+380 xx xxx xxxx",
        "cities": "Київ=0%### Львів=79### Одеса=65### Харків=61### Дніпро=49### Вінниця=21###",
        "streets": """вул._Хрещатик вул._Шевченка вул._Франка вул._Січових_Стрільців просп._Перемоги
            вул._Грушевського вул._Лесі_Українки""",
        "line1": "{s}, {n}",
        "line2": "кв. {m}",
        "p2": "0.7",
    },
    "CN": {
        "phone": "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 180 181 182 183 "
        "185 186 187 188 189:8",
        "format": "+86 xxx xxxx xxxx",
        "cities": "北京=100### 上海=200### 广州=510### 深圳=518### 成都=610### 杭州=310### 南京=210###",
        "streets": "人民路 解放路 中山路 建设路 和平路 建国路 长江路 新华路",
        "line1": "{s}{n}号",
        "line2": "{a}号楼{k}室",
        "p2": "0.7",
    },
    "JP": {
        "phone": "701 702 703 704 705 706 707 708 709 801 802 803 804 805 806 807 808 809 901 902 903 904 905 "
        "906 907 908 909:7",
        "format": "+81 xx-xxxx-xxxx",
        "cities": "東京都=1%#-#### 大阪市=5%#-#### 横浜市=2%#-#### 名古屋市=4%#-#### 福岡市=81#-#### 札幌市=0%#-####",
        "streets": "本町 中央 栄町 緑町 旭町 東町 南町 幸町 錦町 住吉町",
        "line1": "{s}{a}丁目{n}-{m}",
        "line2": "{k}号室",
        "p2": "0.4",
    },
    "KR": {
        "phone": "100 101 102 103 104 106 107 108 109:7",
        "format": "+82 xx-xxxx-xxxx",
        "cities": "서울특별시=0%### 부산광역시=4%### 인천광역시=2%### 대구광역시=4%### 대전광역시=3%###",
        "streets": "중앙로 대학로 시장로 역전로 번영로 문화로 공원로",
        "line1": "{s} {n}",
        "line2": "{a}동 {k}호",
        "p2": "0.6",
    },
}

POSTCODE_LETTERS = "AEHNPRTWXY"  # allowed in every postcode format used here

# --- Short notes, in the client's language (English for languages not listed) -----------------------------
NOTES: dict[str, str] = {
    "en": """Prefers morning appointments; Nervous about needles; Works nights, call after 2 pm;
        Prefers text messages to calls; Wants a natural, soft hairline; Had SMP elsewhere, wants it corrected;
        Bringing a friend to the consultation; Asked about paying in instalments;
        Travels for work, book sessions well ahead; Prefers Saturday appointments;
        Considering a hair transplant first; No calls at work, please; Wants to be finished before a wedding;
        Goes to the gym daily, aftercare explained twice; Was referred by a friend who had SMP here;
        Wants to see healed results of similar clients; Hearing impaired, prefers e-mail""",
    "pl": "Woli wizyty rano; Boi się igieł; Prosi o kontakt SMS-em; Chce naturalną linię włosów",
    "de": """Bevorzugt Termine am Vormittag; Hat Angst vor Nadeln; Bitte nur per SMS kontaktieren;
        Wünscht einen natürlichen Haaransatz""",
    "fr": """Préfère les rendez-vous le matin; A peur des aiguilles; Préfère être contacté par SMS;
        Souhaite une ligne frontale naturelle""",
    "es": "Prefiere citas por la mañana; Le dan miedo las agujas; Prefiere WhatsApp a las llamadas",
    "pt": "Prefere marcações de manhã; Tem medo de agulhas; Prefere mensagens a chamadas",
    "it": "Preferisce appuntamenti al mattino; Ha paura degli aghi; Preferisce i messaggi alle telefonate",
    "nl": "Liever afspraken in de ochtend; Is bang voor naalden; Liever een sms dan bellen",
    "cs": "Preferuje ranní termíny; Bojí se jehel; Raději SMS než telefonát",
    "tr": "Sabah randevularını tercih ediyor; İğneden korkuyor; Telefon yerine mesaj tercih ediyor",
    "no": "Foretrekker timer om morgenen; Redd for nåler",
    "sv": "Föredrar morgontider; Rädd för nålar",
    "da": "Foretrækker tider om morgenen; Bange for nåle",
    "vi": "Thích hẹn buổi sáng; Sợ kim; Thích nhắn tin hơn gọi điện",
    "el": "Προτιμά πρωινά ραντεβού; Φοβάται τις βελόνες; Προτιμά μηνύματα αντί για κλήσεις",
    "ru": "Предпочитает утренние записи; Боится игл; Просит писать в мессенджер, а не звонить",
    "uk": "Надає перевагу ранковим візитам; Боїться голок; Просить писати, а не дзвонити",
    "ar": "يفضل المواعيد الصباحية; يخاف من الإبر; يفضل الرسائل بدلاً من المكالمات",
    "ar_f": "تفضل المواعيد الصباحية; تخاف من الإبر; تفضل الرسائل بدلاً من المكالمات",
    "zh": "希望预约上午; 怕针; 请发短信，不要打电话",
    "ja": "午前中の予約を希望; 針が苦手; 電話よりメールを希望",
    "ko": "오전 예약 선호; 바늘을 무서워함; 전화보다 문자 선호",
}

SCALP_NOTES: dict[str, str] = {
    "dry": "Flaky patches at the crown; Dry, moisturise daily before sessions",
    "oily": "Oily scalp, dots may spread: lighter first pass; Shiny by midday",
    "sensitive": "Reddens quickly; Reacts to fragranced products",
    "thick": "Thick skin at the back, may need a 4th session",
    "thin": "Thin skin at the temples, light hand",
}

REFERRAL_DETAILS: dict[str, str] = {
    "search": "Google; Google; Google Maps; Bing; ",
    "social": "Instagram; Instagram; TikTok; YouTube; Facebook; Reddit",
    "doctor": "GP; dermatologist; trichologist",
    "clinic": "hair transplant clinic; laser clinic; trichology clinic",
    "walk_in": "",
    "other": "magazine article; poster at the gym; podcast; barber",
}

# --- Scars by kind: where they are, what the artist noted ({cm}, {mm}, {grafts} are filled in) ----------
SCARS: dict[str, tuple[str, str]] = {
    "fut_strip": (
        "back of head, ear to ear; back of head (donor area); back of head, lower occipital",
        "strip scar about {cm} cm long, {mm} mm wide; strip scar, stretched in the middle; "
        "two strip scars from two surgeries",
    ),
    "fue_dots": (
        "back and sides (donor area); back of head (donor area); donor area, over-harvested",
        "about {grafts} extraction dots, visible at a grade 1; white dots, thin patch on the left side",
    ),
    "surgical": (
        "crown; top; left side; right side; back of head; left temple",
        "craniotomy scar, {cm} cm; cyst removal; skin cancer excision; shunt scar",
    ),
    "injury": (
        "crown; top; front hairline; left side; right temple; back of head",
        "road accident; sports injury; fall as a child; dog bite",
    ),
    "burn": ("top; crown; front hairline", "chemical burn from a hair relaxer; scald as a child"),
    "other": ("left side; back of head; crown", "scarring alopecia patch; birthmark removal"),
}
